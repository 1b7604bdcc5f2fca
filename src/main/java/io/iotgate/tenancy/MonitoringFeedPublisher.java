package io.iotgate.tenancy;

import io.iotgate.model.MonitoringUpdate;
import io.iotgate.model.Namespace;
import io.iotgate.routing.Router;
import io.iotgate.tenancy.registry.MonitoringFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes a device's {@code $monitoring/<deviceId>/json} feed in its registry when the gateway reports
 * activity ({@link MonitoringUpdate}, already paced per device by {@code observe}). QoS 0, never kept.
 */
@ApplicationScoped
class MonitoringFeedPublisher {

    private final Router router;

    MonitoringFeedPublisher(Router router) {
        this.router = router;
    }

    void publish(@Observes MonitoringUpdate update) {
        router.publish(Namespace.registry(update.registryId()), MonitoringFeed.message(update));
    }
}
