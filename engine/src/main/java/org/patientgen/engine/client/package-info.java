/**
 * The Java client of a PatientGen server: {@link org.patientgen.engine.client.RemoteService}
 * implements {@link org.patientgen.engine.api.PatientGenService} over the REST API and the event
 * WebSocket, with typed errors, bounded retries of idempotent calls, reconnecting subscriptions,
 * a {@linkplain org.patientgen.engine.client.ConnectionListener connection state} for the console's
 * "server lost" banner and certificate pinning for self-signed servers.
 *
 * <p>The published types are in this package; {@code client.internal} holds how they work and may
 * change without notice. Uses OkHttp and the shared {@code wire} JSON configuration; nothing of the
 * server.
 */
package org.patientgen.engine.client;
