package io.iotgate.observe;

import io.iotgate.model.Namespace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one registry or broker, created once and held by each of its connections, so counting a
 * message is an increment without any lookup. Labels: {@code namespace_kind} ({@code registry} or
 * {@code broker}) and {@code namespace_id}.
 */
final class NamespaceMeters {

    private final AtomicInteger active = new AtomicInteger();
    private final List<Meter> meters = new ArrayList<>();
    private final Counter connections;
    private final Counter messagesReceived;
    private final Counter bytesReceived;
    private final Counter messagesSent;
    private final Counter bytesSent;
    private final Counter connectRefusals;
    private final Counter publishRefusals;
    private final Counter subscribeRefusals;
    private final Counter[] dropsByQos = new Counter[3];

    NamespaceMeters(MeterRegistry registry, Namespace namespace) {
        Tags tags = Tags.of("namespace_kind", namespace.kind().name().toLowerCase(), "namespace_id", namespace.id());
        meters.add(Gauge.builder("iotgate.connections.active", active, AtomicInteger::get).tags(tags)
                .description("MQTT connections open now").register(registry));
        connections = counter(registry, "iotgate.connections", tags, "MQTT connections accepted");
        messagesReceived = counter(registry, "iotgate.messages.received", tags, "PUBLISH messages accepted from clients");
        bytesReceived = counter(registry, "iotgate.bytes.received", tags, "Payload bytes accepted from clients");
        messagesSent = counter(registry, "iotgate.messages.sent", tags, "Messages sent to subscribers");
        bytesSent = counter(registry, "iotgate.bytes.sent", tags, "Payload bytes sent to subscribers");
        String refusals = "Refused CONNECTs (of known IDs), PUBLISHes and SUBSCRIBE filters";
        connectRefusals = counter(registry, "iotgate.refusals", tags.and("type", "connect"), refusals);
        publishRefusals = counter(registry, "iotgate.refusals", tags.and("type", "publish"), refusals);
        subscribeRefusals = counter(registry, "iotgate.refusals", tags.and("type", "subscribe"), refusals);
        for (int qos = 0; qos < dropsByQos.length; qos++) {
            dropsByQos[qos] = counter(registry, "iotgate.messages.dropped", tags.and("qos", String.valueOf(qos)),
                    "Messages not delivered: a subscriber too slow or a session queue full");
        }
    }

    private Counter counter(MeterRegistry registry, String name, Tags tags, String description) {
        Counter counter = Counter.builder(name).tags(tags).description(description).register(registry);
        meters.add(counter);
        return counter;
    }

    void opened() {
        connections.increment();
        active.incrementAndGet();
    }

    void closed() {
        active.decrementAndGet();
    }

    void received(int bytes) {
        messagesReceived.increment();
        bytesReceived.increment(bytes);
    }

    void sent(int bytes) {
        messagesSent.increment();
        bytesSent.increment(bytes);
    }

    void connectRefused() {
        connectRefusals.increment();
    }

    void publishRefused() {
        publishRefusals.increment();
    }

    void subscribeRefused() {
        subscribeRefusals.increment();
    }

    void dropped(int qos) {
        dropsByQos[Math.max(0, Math.min(qos, 2))].increment();
    }

    /** Every meter, so a deleted registry or broker leaves no series behind. */
    List<Meter> meters() {
        return meters;
    }
}
