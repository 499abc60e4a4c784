package org.patientgen.engine.client;

import org.patientgen.engine.api.PatientGenService.Subscription;

/** An event subscription of a {@link RemoteService}; closing it stops delivery and reconnecting. */
public interface RemoteSubscription extends Subscription {
    /**
     * Whether the server confirmed the subscription on the current connection, so events from now on
     * reach the listener. False while connecting, reconnecting and after close. (The service's
     * {@link RemoteService#connectionStatus()} also counts successful calls; this is the stream's own.)
     */
    boolean subscribed();
}
