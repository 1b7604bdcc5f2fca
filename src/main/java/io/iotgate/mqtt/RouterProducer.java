package io.iotgate.mqtt;

import io.iotgate.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Routing is plain Java; this makes its one instance the gateway's. */
final class RouterProducer {

    @Produces
    @ApplicationScoped
    Router router() {
        return new Router();
    }
}
