/**
 * The HTTP representation of the service API, shared by the server and the remote client: one
 * Jackson configuration ({@link org.patientgen.engine.wire.WireJson}), the request bodies that
 * differ from the {@code api} records (a job request with defaults, batch calls, tokens), the
 * RFC 9457 problem document and its mapping to {@link org.patientgen.engine.api.ErrorKind}, and the
 * WebSocket event envelope.
 *
 * <p>Responses are the {@code api} records serialized by {@link org.patientgen.engine.wire.WireJson#mapper()},
 * so the client reads them back into the same records with the same mapper.
 */
package org.patientgen.engine.wire;
