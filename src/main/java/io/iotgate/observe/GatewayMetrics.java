package io.iotgate.observe;

import io.iotgate.model.Change;
import io.iotgate.model.Namespace;
import io.iotgate.model.ResourceKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of the gateway ({@code /q/metrics}): one {@link NamespaceMeters} per registry and broker,
 * created on first use and removed with the registry or broker, plus service-wide counters of what belongs
 * to no namespace.
 */
@ApplicationScoped
class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<Namespace, NamespaceMeters> byNamespace = new ConcurrentHashMap<>();
    private final Counter logEntriesDropped;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.logEntriesDropped = Counter.builder("iotgate.connection.log.dropped")
                .description("Connection log entries dropped because the write buffer was full").register(registry);
    }

    NamespaceMeters of(Namespace namespace) {
        return byNamespace.computeIfAbsent(namespace, n -> new NamespaceMeters(registry, n));
    }

    /** Every refused CONNECT, unknown IDs included, by the reason the client was told. */
    void connectRefused(String reason) {
        Counter.builder("iotgate.connections.refused").tag("reason", reason)
                .description("CONNECTs refused, unknown IDs included").register(registry).increment();
    }

    void logEntryDropped() {
        logEntriesDropped.increment();
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.ResourceDeleted deleted && deleted.resource().kind() != ResourceKind.DEVICE) {
            Namespace namespace = deleted.resource().kind() == ResourceKind.BROKER
                    ? Namespace.broker(deleted.resource().id()) : Namespace.registry(deleted.resource().id());
            NamespaceMeters gone = byNamespace.remove(namespace);
            if (gone != null) {
                gone.meters().forEach(registry::remove);
            }
        }
    }
}
