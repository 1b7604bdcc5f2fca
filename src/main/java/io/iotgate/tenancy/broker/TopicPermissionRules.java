package io.iotgate.tenancy.broker;

import io.iotgate.routing.InvalidTopicException;
import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;

import java.util.List;
import java.util.Optional;

/**
 * What a broker credential's topic permissions may hold: valid MQTT topic filters (wildcards allowed) of the
 * broker's own topics, so none starts with {@code $}; at most {@value #MAX_FILTERS} per direction.
 */
public final class TopicPermissionRules {

    public static final int MAX_FILTERS = 100;

    private TopicPermissionRules() {
    }

    /** The first problem of the publish and subscribe filters, worded for an API caller and naming the field. */
    public static Optional<String> problemWith(List<String> publish, List<String> subscribe) {
        return problemWith("permissions.publish", publish).or(() -> problemWith("permissions.subscribe", subscribe));
    }

    private static Optional<String> problemWith(String field, List<String> filters) {
        if (filters == null) {
            return Optional.empty();
        }
        if (filters.size() > MAX_FILTERS) {
            return Optional.of(field + ": at most " + MAX_FILTERS + " topic filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            String named = field + "[" + i + "]";
            if (filter == null) {
                return Optional.of(named + ": required, a topic filter");
            }
            if (filter.startsWith("$")) {
                return Optional.of(named + ": topics starting with '$' are not part of a broker");
            }
            try {
                TopicFilter.parse(filter, TopicName.MQTT_MAX_BYTES);
            } catch (InvalidTopicException e) {
                return Optional.of(named + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
