package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.GrantedFilter;
import io.iotgate.tenancy.SubscribeDecision;

import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.SubscribeDecision.Granted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.iotgate.tenancy.registry.RegistryFixture.LIMIT;
import static io.iotgate.tenancy.registry.RegistryFixture.expand;
import static io.iotgate.tenancy.registry.RegistryFixture.granted;
import static io.iotgate.tenancy.registry.RegistryFixture.realFilters;
import static io.iotgate.tenancy.registry.RegistryFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Subscriptions through {@code $me} names and topic aliases: what real filters they are narrowed to, and the
 * name a delivered message arrives under (IoT Core: messages received through a {@code $me} subscription
 * arrive under the {@code $me} name).
 */
class RegistrySubscriptionRenameTest {

    private static final Map<String, String> ALIASES = Map.of(
            "cmd/", expand("$devices/{D}/commands/"),
            "cfg", expand("$devices/{D}/config"),
            "my/alias/", expand("$devices/{D}/"),
            "sensor/events", expand("$devices/{D}/events"));

    private static RegistryTopicPolicy device() {
        return RegistryFixture.deviceWithAliases(ALIASES);
    }

    @ParameterizedTest(name = "device subscribes ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $me/device/commands           | $devices/{D}/commands
            $me/device/commands/#         | $devices/{D}/commands/#
            $me/device/commands/+/x       | $devices/{D}/commands/+/x
            $me/device/config/wifi        | $devices/{D}/config/wifi
            $me/device/#                  | $devices/{D}/commands/# $devices/{D}/config/#
            $me/device/+                  | $devices/{D}/commands $devices/{D}/config
            $me/device/events             | refused
            $me/device/state/#            | refused
            $me/registry/commands         | $registries/{R}/commands
            $me/registry/config/#         | $registries/{R}/config/#
            $me/registry/#                | $registries/{R}/commands/# $registries/{R}/config/#
            $me/registry/events           | refused
            $me/monitoring/json           | $monitoring/{D}/json
            $me/monitoring/+              | $monitoring/{D}/json
            $me/monitoring/#              | $monitoring/{D}/json
            $me/monitoring/xml            | refused
            cmd/#                         | $devices/{D}/commands/#
            cmd/reboot                    | $devices/{D}/commands/reboot
            cmd/+/now                     | $devices/{D}/commands/+/now
            cfg                           | $devices/{D}/config
            cfg/#                         | $devices/{D}/config/#
            cfgx                          | refused
            my/alias/#                    | $devices/{D}/commands/# $devices/{D}/config/#
            my/alias/+/x                  | $devices/{D}/commands/x $devices/{D}/config/x
            my/alias/commands             | $devices/{D}/commands
            my/alias/events               | refused
            sensor/events                 | refused
            sensor/events/#               | refused
            sensor/#                      | refused
            my/#                          | refused
            """)
    void narrowsTheResolvedFilter(String filter, String expected) {
        SubscribeDecision decision = device().authorizeSubscribe(filter);
        if (expected.equals("refused")) {
            refused(decision);
        } else {
            assertEquals(Arrays.asList(expand(expected).split(" ")), realFilters(decision));
        }
    }

    @ParameterizedTest(name = "''{1}'' delivered to ''{0}'' arrives as ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            $me/device/commands/#   | $devices/{D}/commands/x        | $me/device/commands/x
            $me/device/commands/#   | $devices/{D}/commands          | $me/device/commands
            $me/device/#            | $devices/{D}/config/a/b        | $me/device/config/a/b
            $me/registry/config/#   | $registries/{R}/config/fw      | $me/registry/config/fw
            $me/monitoring/json     | $monitoring/{D}/json           | $me/monitoring/json
            cmd/#                   | $devices/{D}/commands/x        | cmd/x
            cmd/#                   | $devices/{D}/commands          | cmd
            cmd/#                   | $devices/{D}/commands/         | cmd/
            cfg/#                   | $devices/{D}/config/x          | cfg/x
            cfg/#                   | $devices/{D}/config            | cfg
            my/alias/#              | $devices/{D}/config/wifi       | my/alias/config/wifi
            $devices/+/commands/#   | $devices/{D}/commands/x        | $devices/{D}/commands/x
            """)
    void deliversUnderTheSubscribedName(String filter, String realTopic, String clientTopic) {
        String real = expand(realTopic);
        Granted grant = granted(device().authorizeSubscribe(filter));
        GrantedFilter matching = grant.filters().stream()
                .filter(f -> f.realFilter().matches(TopicName.parse(real, LIMIT)))
                .findFirst().orElseThrow(() -> new AssertionError(real + " matches no granted filter of " + grant));
        assertEquals(expand(clientTopic), matching.rename().clientTopic(real));
    }

    /**
     * The defining properties, over many filters and topics: a granted filter matches a real topic exactly
     * when the filter as resolved does and the client may read it; and the renamed topic matches the filter
     * as the client wrote it, so a client library that checks incoming topics against its subscriptions
     * accepts every delivery.
     */
    @Test
    void grantsAreExactAndRenamesMatchTheClientsFilter() {
        List<String> filters = List.of("$me/device/#", "$me/device/+", "$me/device/commands/#", "$me/device/+/x",
                "$me/registry/#", "$me/registry/+/+", "$me/monitoring/#", "$me/monitoring/+", "cmd/#", "cmd/+",
                "cmd/+/+", "cfg", "cfg/#", "cfg/+", "my/alias/#", "my/alias/+", "my/alias/+/#", "my/alias/+/x",
                "$devices/#", "$devices/+/+", "$devices/+/+/#", "$registries/+/#", "$monitoring/#");
        RegistryTopicPolicy policy = device();
        List<TopicName> topics = topicUniverse();
        for (String text : filters) {
            TopicFilter asWritten = TopicFilter.parse(text, LIMIT);
            Granted grant = granted(policy.authorizeSubscribe(text));
            TopicFilter resolved = resolved(text);
            for (TopicName topic : topics) {
                boolean readable = policy.authorizeSubscribe(topic.value()) instanceof Granted;
                boolean expected = resolved.matches(topic) && readable;
                List<GrantedFilter> hits = grant.filters().stream()
                        .filter(f -> f.realFilter().matches(topic)).toList();
                if (hits.size() != (expected ? 1 : 0)) {
                    fail("'" + text + "' on '" + topic + "': expected " + expected + ", granted " + grant);
                }
                for (GrantedFilter hit : hits) {
                    String seen = hit.rename().clientTopic(topic.value());
                    assertTrue(asWritten.matches(TopicName.parse(seen, LIMIT)),
                            () -> "'" + topic + "' arrives as '" + seen + "', which '" + text + "' does not match");
                }
            }
        }
    }

    /** The resolution the test expects, written independently of the policy. */
    private static TopicFilter resolved(String text) {
        Map<String, String> names = new java.util.HashMap<>(ALIASES);
        names.put("$me/device/", expand("$devices/{D}/"));
        names.put("$me/registry/", expand("$registries/{R}/"));
        names.put("$me/monitoring/", expand("$monitoring/{D}/"));
        for (var entry : names.entrySet()) {
            if (text.startsWith(entry.getKey())) {
                return TopicFilter.parse(entry.getValue() + text.substring(entry.getKey().length()), LIMIT);
            }
        }
        return TopicFilter.parse(text, LIMIT);
    }

    private static List<TopicName> topicUniverse() {
        List<TopicName> topics = new ArrayList<>();
        List<String> owners = List.of("$devices/{D}", "$devices/{D2}", "$devices/{XD}", "$registries/{R}",
                "$registries/{XR}", "$monitoring/{D}", "$monitoring/{D2}", "$me/device", "cmd", "x");
        List<String> levels = List.of("events", "state", "commands", "config", "json", "x", "");
        List<String> tails = List.of("", "/x", "/x/y", "/", "/json");
        topics.add(TopicName.parse(expand("$devices/{D}"), LIMIT));
        for (String owner : owners) {
            for (String level : levels) {
                for (String tail : tails) {
                    topics.add(TopicName.parse(expand(owner + "/" + level + tail), LIMIT));
                }
            }
        }
        return topics;
    }
}
