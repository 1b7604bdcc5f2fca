package io.iotgate.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last retained message per topic of ONE namespace; also serves the permanent topics of the registry
 * model ({@code state}, {@code config}). Thread-safe; reads never lock.
 *
 * <p>The caller decides what a message is and when to remove: a retained PUBLISH with an empty payload
 * removes [MQTT-3.3.1-10], which the caller knows and this class does not.
 *
 * @param <M> the stored message, e.g. payload, QoS and properties
 */
public final class RetainedMessages<M> {

    // keyed by topic text so a filter without wildcards looks itself up without building a TopicName
    private final ConcurrentHashMap<String, RetainedMessage<M>> byTopic = new ConcurrentHashMap<>();

    /** Keeps the message for its topic, replacing the one kept before [MQTT-3.3.1-5]. */
    public void retain(TopicName topic, M message) {
        byTopic.put(topic.value(), new RetainedMessage<>(topic, message));
    }

    /** @return whether a message was kept for the topic */
    public boolean remove(TopicName topic) {
        return byTopic.remove(topic.value()) != null;
    }

    public Optional<M> get(TopicName topic) {
        RetainedMessage<M> retained = byTopic.get(topic.value());
        return retained == null ? Optional.empty() : Optional.of(retained.message());
    }

    /**
     * The messages a new subscription with this filter receives, the '$' rule included [MQTT-4.7.2-1].
     * A filter without wildcards is one lookup; one with wildcards scans the namespace, which is bounded by
     * the namespace's own topics and happens on SUBSCRIBE, not per PUBLISH. Order is unspecified.
     */
    public List<RetainedMessage<M>> matching(TopicFilter filter) {
        if (!filter.hasWildcards()) {
            RetainedMessage<M> retained = byTopic.get(filter.value());
            return retained == null ? List.of() : List.of(retained);
        }
        List<RetainedMessage<M>> found = new ArrayList<>();
        // weakly consistent: runs alongside writers without locking or ConcurrentModificationException
        for (RetainedMessage<M> retained : byTopic.values()) {
            if (filter.matches(retained.topic())) {
                found.add(retained);
            }
        }
        return found;
    }

    public int size() {
        return byTopic.size();
    }

    public boolean isEmpty() {
        return byTopic.isEmpty();
    }
}
