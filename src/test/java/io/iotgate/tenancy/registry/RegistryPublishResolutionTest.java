package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.PublishDecision;

import io.iotgate.tenancy.PublishDecision.Allowed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.iotgate.tenancy.registry.RegistryFixture.D;
import static io.iotgate.tenancy.registry.RegistryFixture.LIMIT;
import static io.iotgate.tenancy.registry.RegistryFixture.R;
import static io.iotgate.tenancy.registry.RegistryFixture.allowed;
import static io.iotgate.tenancy.registry.RegistryFixture.denied;
import static io.iotgate.tenancy.registry.RegistryFixture.expand;
import static io.iotgate.tenancy.registry.RegistryFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a PUBLISH topic really is: {@code $me} and alias resolution, permanence, the target device, limits. */
class RegistryPublishResolutionTest {

    private static final Map<String, String> ALIASES = Map.of(
            "my/alias/", expand("$devices/{D}/"),
            "sensor/events", expand("$devices/{D}/events"),
            "temp", expand("$devices/{D}/events/temp"),
            "cmd/", expand("$devices/{D}/commands/"));

    @ParameterizedTest(name = "device publishes ''{0}'' as ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            $me/device/events             | $devices/{D}/events
            $me/device/events/a/b         | $devices/{D}/events/a/b
            $me/device/state              | $devices/{D}/state
            $me/registry/events           | $registries/{R}/events
            $me/registry/state/x          | $registries/{R}/state/x
            my/alias/events               | $devices/{D}/events
            my/alias/state/battery        | $devices/{D}/state/battery
            sensor/events                 | $devices/{D}/events
            sensor/events/t               | $devices/{D}/events/t
            temp                          | $devices/{D}/events/temp
            temp/inside                   | $devices/{D}/events/temp/inside
            temperature                   | $devices/{D}/events/temperature
            $devices/{D}/events           | $devices/{D}/events
            """)
    void resolvesNamesToRealTopics(String topic, String real) {
        Allowed allowed = allowed(RegistryFixture.deviceWithAliases(ALIASES).authorizePublish(expand(topic)));
        assertEquals(expand(real), allowed.realTopic().value());
    }

    @ParameterizedTest(name = "device may not publish ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            sensor/eventsx
            sensor/event
            sensor
            my/alias/commands
            my/alias/config/x
            my/alias/
            my/alias
            cmd/x
            alias/events
            """)
    void resolvedTopicsAreCheckedLikeAnyOther(String topic) {
        denied(RegistryFixture.deviceWithAliases(ALIASES).authorizePublish(topic));
    }

    @ParameterizedTest(name = "{0} publishes ''{1}'': permanent {2}")
    @CsvSource(delimiter = '|', textBlock = """
            device   | $devices/{D}/state           | true
            device   | $devices/{D}/state/a/b       | true
            device   | $devices/{D}/events          | false
            device   | $devices/{D}/events/state    | false
            device   | $registries/{R}/state        | true
            device   | $registries/{R}/events/x     | false
            device   | $me/device/state/x           | true
            device   | $me/registry/state           | true
            device   | my/alias/state               | true
            device   | my/alias/events/config       | false
            registry | $devices/{D}/config          | true
            registry | $devices/{D}/config/wifi     | true
            registry | $devices/{D}/commands        | false
            registry | $devices/{D}/commands/config | false
            registry | $registries/{R}/config       | true
            registry | $registries/{R}/commands/x   | false
            """)
    void stateAndConfigArePermanent(String client, String topic, boolean permanent) {
        RegistryTopicPolicy policy = client.equals("device")
                ? RegistryFixture.deviceWithAliases(ALIASES) : RegistryFixture.registry();
        assertEquals(permanent, allowed(policy.authorizePublish(expand(topic))).permanent());
    }

    @ParameterizedTest(name = "{0} publishes ''{1}'': target device ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            device   | $devices/{D}/events          | {D}
            device   | $me/device/state             | {D}
            device   | $registries/{R}/events       |
            device   | $me/registry/events          |
            registry | $devices/{D}/commands        | {D}
            registry | $devices/{D2}/config/x       | {D2}
            registry | $devices/{XD}/commands       | {XD}
            registry | $registries/{R}/commands     |
            """)
    void namesTheDeviceTheEdgeMustFindInTheRegistry(String client, String topic, String target) {
        RegistryTopicPolicy policy = client.equals("device") ? RegistryFixture.device() : RegistryFixture.registry();
        Optional<String> expected = target == null ? Optional.empty() : Optional.of(expand(target));
        assertEquals(expected, allowed(policy.authorizePublish(expand(topic))).targetDeviceId());
    }

    @Test
    void topicsUpToTheLimitInUtf8BytesPass() {
        String base = "$devices/" + D + "/events/";
        allowed(RegistryFixture.device().authorizePublish(padded(base, LIMIT)));
        denied(RegistryFixture.device().authorizePublish(padded(base, LIMIT + 1)));
        String twoByteChars = base + "é".repeat((LIMIT - base.length()) / 2 + 1); // > LIMIT bytes, < LIMIT chars
        assertTrue(twoByteChars.length() <= LIMIT);
        denied(RegistryFixture.device().authorizePublish(twoByteChars));
    }

    @Test
    void aShortNameStandingForATooLongTopicIsDenied() {
        String sent = padded("$me/device/events/", LIMIT); // resolving makes it longer
        denied(RegistryFixture.device().authorizePublish(sent));
        refused(RegistryFixture.device().authorizeSubscribe(padded("$me/device/commands/", LIMIT)));
    }

    @Test
    void aTooLongNameStandingForAShortTopicIsDenied() {
        String longName = "n".repeat(LIMIT - 10) + "/";
        Map<String, String> aliases = new HashMap<>();
        aliases.put(longName, "$devices/" + D + "/events/");
        RegistryTopicPolicy policy = RegistryFixture.deviceWithAliases(aliases);
        allowed(policy.authorizePublish(longName + "x"));
        denied(policy.authorizePublish(longName + "x".repeat(20)));
    }

    @Test
    void missingEmptyAndNulTopicsAreDenied() {
        RegistryTopicPolicy policy = RegistryFixture.device();
        denied(policy.authorizePublish(null));
        denied(policy.authorizePublish(""));
        denied(policy.authorizePublish("$devices/" + D + "/events/\u0000"));
        refused(policy.authorizeSubscribe(null));
        refused(policy.authorizeSubscribe(""));
        refused(policy.authorizeSubscribe("$devices/" + D + "/commands/\u0000"));
        refused(policy.authorizeSubscribe(padded("$devices/" + D + "/commands/", LIMIT + 1)));
    }

    @Test
    void sharedSubscriptionsDoNotExistInTheRegistryModel() {
        String reason = refused(RegistryFixture.registry().authorizeSubscribe("$share/workers/$devices/+/events/#"))
                .reason();
        assertTrue(reason.contains("shared"), reason);
    }

    @Test
    void clientsAreSingleLevelIds() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceClient(R, "a/b", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceClient(R, "+", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceClient("#", D, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeviceClient(R, "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new RegistryBackend(null));
        assertThrows(IllegalArgumentException.class, () -> new RegistryTopicPolicy(new RegistryBackend(R), 0));
        assertEquals(Map.of(), new DeviceClient(R, D, null).topicAliases());
    }

    @Test
    void aDeviceClientKeepsItsOwnCopyOfTheAliases() {
        Map<String, String> aliases = new HashMap<>(Map.of("a/", "$devices/" + D + "/"));
        RegistryTopicPolicy policy = RegistryFixture.deviceWithAliases(aliases);
        aliases.put("b/", "$devices/" + D + "/");
        denied(policy.authorizePublish("b/events"));
        allowed(policy.authorizePublish("a/events"));
    }

    private static String padded(String base, int bytes) {
        return base + "x".repeat(bytes - base.length());
    }
}
