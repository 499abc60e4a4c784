/**
 * How the remote client works: the REST call with retries and error mapping, the reconnecting
 * event stream, backoff, the connection monitor and certificate pinning. Not API: use
 * {@link org.patientgen.engine.client.RemoteService}.
 */
package org.patientgen.engine.client.internal;
