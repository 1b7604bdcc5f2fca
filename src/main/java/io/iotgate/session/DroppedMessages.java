package io.iotgate.session;

import io.iotgate.model.Namespace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every message a session could not keep: its queue was full, or a slow client's socket was. A drop
 * is never silent: {@code iotgate_messages_dropped_total} per namespace and QoS at {@code /q/metrics}.
 */
@ApplicationScoped
public class DroppedMessages {

    private record Key(Namespace namespace, int qos) {}

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    DroppedMessages(MeterRegistry registry) {
        this.registry = registry;
    }

    public void dropped(Namespace namespace, int qos) {
        counters.computeIfAbsent(new Key(namespace, qos), key -> Counter.builder("iotgate.messages.dropped")
                .description("Messages a session dropped because its queue or its client's socket was full")
                .tag("namespace_kind", key.namespace().kind().name().toLowerCase())
                .tag("namespace_id", key.namespace().id())
                .tag("qos", Integer.toString(key.qos()))
                .register(registry)).increment();
    }
}
