package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.GrantedFilter;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;
import io.iotgate.tenancy.TopicRename;

import io.iotgate.routing.InvalidTopicException;
import io.iotgate.routing.SharedSubscription;
import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.PublishDecision.Allowed;
import io.iotgate.tenancy.PublishDecision.Denied;
import io.iotgate.tenancy.SubscribeDecision.Granted;
import io.iotgate.tenancy.SubscribeDecision.Refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PUBLISH topic or SUBSCRIBE filter of one client of a registry namespace really means, and whether
 * the client may use it: IoT Core's topic ACL matrix, topic aliases, {@code $me} names and permanent topics.
 *
 * <p>One instance per connection, built when the client is known (and again when its aliases change), so a
 * PUBLISH costs a topic parse and a few filter matches. Immutable, hence usable from any thread.
 *
 * <p>Resolution, the same for both directions: a text starting with one of the client's alias names or
 * {@code $me} names has that name replaced by its real prefix (textually, the longest name that matches);
 * other texts must start with {@code $} and are real already (IoT Core: topics without {@code $} are aliases
 * only). The real topic or filter is then checked against the matrix; names are never resolved twice.
 */
public final class RegistryTopicPolicy implements io.iotgate.tenancy.TopicPolicy {

    private static final String MULTI_LEVEL = "#";
    /** IoT Core: "a topic has at least three levels": root, owner ID, family. */
    private static final int MIN_LEVELS = 3;

    private final RegistryClient client;
    private final int maxTopicBytes;
    private final ClientAliases aliases;
    private final ClientTopicAccess access;

    /**
     * @param maxTopicBytes the longest topic or filter accepted, in UTF-8 bytes, both as the client wrote it
     *                      and resolved (IoT Core: 1024, {@link TopicName#DEFAULT_MAX_BYTES})
     */
    public RegistryTopicPolicy(RegistryClient client, int maxTopicBytes) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxTopicBytes < 1 || maxTopicBytes > TopicName.MQTT_MAX_BYTES) {
            throw new IllegalArgumentException("topic length limit must be within 1.." + TopicName.MQTT_MAX_BYTES);
        }
        this.maxTopicBytes = maxTopicBytes;
        this.aliases = ClientAliases.of(client);
        this.access = ClientTopicAccess.of(client);
    }

    public RegistryClient client() {
        return client;
    }

    /** Decides whether the client may publish to {@code topic} and under which real topic it travels. */
    public PublishDecision authorizePublish(String topic) {
        TopicName sent;
        try {
            sent = TopicName.parse(topic, maxTopicBytes);
        } catch (InvalidTopicException e) {
            return Denied.invalidTopic(client.describe() + ": " + e.getMessage());
        }
        Optional<PrefixAlias> alias = aliases.find(topic);
        TopicName real = sent;
        if (alias.isPresent()) {
            try {
                real = TopicName.parse(alias.get().resolve(topic), maxTopicBytes);
            } catch (InvalidTopicException e) {
                return Denied.invalidTopic(client.describe() + ": '" + topic + "' stands for a topic that is invalid: "
                        + e.getMessage());
            }
        } else if (!sent.isDollarTopic()) {
            return new Denied(client.describe() + ": '" + topic + "' is no alias of this client"
                    + " (IoT Core: topics without '$' are aliases only)");
        }
        if (!access.mayWrite(real)) {
            return new Denied(client.describe() + " may not publish to " + quote(topic, real.value()) + whyNot(real));
        }
        List<String> levels = real.levels();
        boolean permanent = TopicFamily.isPermanent(levels.get(2));
        if (levels.get(0).equals(ClientTopicAccess.DEVICES)) {
            String deviceId = levels.get(1);
            if (deviceId.isEmpty()) {
                return new Denied(client.describe() + " may not publish to '" + real + "': no device has an empty ID");
            }
            return new Allowed(real, permanent, Optional.of(deviceId));
        }
        return new Allowed(real, permanent, Optional.empty());
    }

    /**
     * Decides what a subscription to {@code filter} may receive: the real filters to subscribe, each the
     * requested filter narrowed to one thing the client may read, and how to name delivered messages.
     */
    public SubscribeDecision authorizeSubscribe(String filter) {
        if (SharedSubscription.isShared(filter)) {
            // IoT Core has no shared subscriptions; a registry back end scales by its own means
            return new Refused(client.describe() + ": '" + filter
                    + "': shared subscriptions exist only in the broker model");
        }
        TopicFilter sent;
        try {
            sent = TopicFilter.parse(filter, maxTopicBytes);
        } catch (InvalidTopicException e) {
            return Refused.invalidFilter(client.describe() + ": " + e.getMessage());
        }
        Optional<PrefixAlias> alias = aliases.find(filter);
        TopicFilter real = sent;
        TopicRename rename = TopicRename.UNCHANGED;
        if (alias.isPresent()) {
            try {
                real = TopicFilter.parse(alias.get().resolve(filter), maxTopicBytes);
            } catch (InvalidTopicException e) {
                return Refused.invalidFilter(client.describe() + ": '" + filter + "' stands for a filter that is invalid: "
                        + e.getMessage());
            }
            rename = alias.get().rename();
        } else if (!filter.startsWith("$")) {
            // IoT Core: filters that do not start with '$' match aliases only. Only a filter that starts with
            // an alias name literally is resolved: '#' or '+/x' are refused rather than matched against alias
            // names, whose topics could not be renamed back through a wildcard.
            return new Refused(client.describe() + ": '" + filter + "' starts with no alias of this client"
                    + " (IoT Core: filters without '$' match aliases only)");
        }
        if (hasTooFewLevels(real)) {
            return new Refused(client.describe() + ": " + quote(filter, real.value())
                    + " is invalid (IoT Core: a topic has at least three levels)");
        }
        List<TopicFilter> parts = access.narrowToReadable(real);
        if (parts.isEmpty()) {
            return new Refused(client.describe() + " may read nothing that " + quote(filter, real.value())
                    + " matches");
        }
        List<GrantedFilter> granted = new ArrayList<>(parts.size());
        for (TopicFilter part : parts) {
            granted.add(new GrantedFilter(part, rename));
        }
        return new Granted(granted);
    }

    /** {@code $devices/+}, {@code $registries/x}: can match no topic of a family, which has three levels. */
    private static boolean hasTooFewLevels(TopicFilter real) {
        List<String> levels = real.levels();
        String root = levels.get(0);
        boolean familyRoot = root.equals(ClientTopicAccess.DEVICES) || root.equals(ClientTopicAccess.REGISTRIES)
                || root.equals(ClientTopicAccess.MONITORING);
        return familyRoot && levels.size() < MIN_LEVELS && !levels.get(levels.size() - 1).equals(MULTI_LEVEL);
    }

    private static String whyNot(TopicName real) {
        return real.levels().get(0).equals(ClientTopicAccess.MONITORING)
                ? " (IoT Core: the service writes $monitoring)"
                : "";
    }

    private static String quote(String sent, String real) {
        return sent.equals(real) ? "'" + sent + "'" : "'" + sent + "' (= '" + real + "')";
    }
}
