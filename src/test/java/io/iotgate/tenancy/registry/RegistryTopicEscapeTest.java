package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.SubscribeDecision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.iotgate.tenancy.registry.RegistryFixture.D;
import static io.iotgate.tenancy.registry.RegistryFixture.XD;
import static io.iotgate.tenancy.registry.RegistryFixture.denied;
import static io.iotgate.tenancy.registry.RegistryFixture.expand;
import static io.iotgate.tenancy.registry.RegistryFixture.realFilters;
import static io.iotgate.tenancy.registry.RegistryFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's view: a device or registry trying to reach what is not its own through other IDs,
 * wildcards, aliases, {@code $me} look-alikes, '..' and shared subscriptions.
 */
class RegistryTopicEscapeTest {

    /** Aliases the API would refuse, as if they came from old data or an import. */
    private static final Map<String, String> HOSTILE_ALIASES = Map.of(
            "up", expand("$devices/{D}/../{XD}/commands"),   // own prefix, but '..' is a level, not a step
            "wild", expand("$devices/{D}/commands/+"),       // wildcard target: dropped
            "steal", expand("$devices/{XD}/events"),         // foreign device: dropped
            "regcmd", expand("$registries/{R}/commands"),    // not a device topic: dropped
            "me", "$me/device/commands",                     // names are never resolved twice: dropped
            expand("$devices/{D}/x"), expand("$devices/{D}/commands"), // '$' name would shadow real topics: dropped
            "cmd/", expand("$devices/{D}/commands/"));

    private static RegistryTopicPolicy hostileDevice() {
        return RegistryFixture.deviceWithAliases(HOSTILE_ALIASES);
    }

    @ParameterizedTest(name = "device may not publish to ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/{XD}/events
            $devices/{D2}/events
            $devices/{D2}/state/x
            $registries/{XR}/events
            $registries/{XR}/state
            $devices/{D}/commands
            $devices/{D}/config/x
            $registries/{R}/commands
            $monitoring/{D}/json
            $monitoring/{XD}/json
            $me/monitoring/json
            $me/device/commands
            $me/device/config/x
            $me/registry/commands
            $me/registry/config
            $me/device/../{XD}/events
            $me/device/../../$devices/{XD}/events
            $mE/device/events
            $ME/device/events
            $me/Device/events
            $me//device/events
            $me
            $me/device
            $me/device/
            $devices/{D}/Events
            $devices/{D}/eventsx
            $devices/{D}
            $devices/{D}/
            $devices
            $devices//events
            /$devices/{D}/events
            $devices/{D}/events/+
            $devices/{D}/events/#
            $devices/+/events
            #
            +
            $share/g/$devices/{D}/events
            $SYS/broker
            up
            up/x
            wild
            steal
            regcmd
            me
            cmd/x
            """)
    void deviceDeniedPublish(String topic) {
        denied(hostileDevice().authorizePublish(expand(topic)));
    }

    @ParameterizedTest(name = "registry may not publish to ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/{D}/events
            $devices/{D}/state
            $devices/+/commands
            $devices/#
            $devices//commands
            $registries/{XR}/commands
            $registries/{R}/events
            $registries/{R}/state/x
            $monitoring/{D}/json
            $me/registry/commands
            $me/device/commands
            cmd/x
            commands
            $registries/{R}/Commands
            """)
    void registryDeniedPublish(String topic) {
        denied(RegistryFixture.registry().authorizePublish(expand(topic)));
    }

    /** {@code refused} or the real filters granted, separated by spaces. */
    @ParameterizedTest(name = "device subscribes ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/{XD}/commands        | refused
            $devices/{D2}/commands        | refused
            $devices/+/commands           | $devices/{D}/commands
            $devices/+/commands/#         | $devices/{D}/commands/#
            $devices/+/+                  | $devices/{D}/commands $devices/{D}/config
            $devices/+/#                  | $devices/{D}/commands/# $devices/{D}/config/#
            $devices/#                    | $devices/{D}/commands/# $devices/{D}/config/#
            $devices/{D}/#                | $devices/{D}/commands/# $devices/{D}/config/#
            $devices/{D}/events/#         | refused
            $devices/{XD}/#               | refused
            #                             | refused
            +                             | refused
            +/#                           | refused
            +/+/+                         | refused
            +/+/commands/#                | refused
            $registries/+/commands        | $registries/{R}/commands
            $registries/+/#               | $registries/{R}/commands/# $registries/{R}/config/#
            $registries/#                 | $registries/{R}/commands/# $registries/{R}/config/#
            $registries/{XR}/#            | refused
            $registries/{XR}/commands     | refused
            $monitoring/+/json            | $monitoring/{D}/json
            $monitoring/#                 | $monitoring/{D}/json
            $monitoring/+/+               | $monitoring/{D}/json
            $monitoring/{D2}/json         | refused
            $monitoring/{XD}/json         | refused
            $devices/+                    | refused
            $registries/+                 | refused
            $monitoring/+                 | refused
            $devices                      | refused
            $SYS/#                        | refused
            $share/g/$devices/{D}/commands | refused
            $share/g/#                    | refused
            $me/device/../commands        | refused
            $me/device/../{XD}/commands   | refused
            $mE/device/commands           | refused
            $ME/device/commands           | refused
            $me/+/commands                | refused
            $me/#                         | refused
            $me/device/events             | refused
            up                            | refused
            up/#                          | refused
            wild                          | refused
            wild/#                        | refused
            steal                         | refused
            steal/#                       | refused
            regcmd                        | refused
            me                            | refused
            cm                            | refused
            cmd                           | refused
            $devices/{D}/commands/#/x     | refused
            $devices/{D}/comm+            | refused
            """)
    void deviceSubscriptionIsNarrowedToItsOwn(String filter, String expected) {
        check(hostileDevice().authorizeSubscribe(expand(filter)), expected);
    }

    @ParameterizedTest(name = "registry subscribes ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/#                    | $devices/+/events/# $devices/+/state/#
            $devices/+/#                  | $devices/+/events/# $devices/+/state/#
            $devices/+/+/#                | $devices/+/events/# $devices/+/state/#
            $devices/+/commands           | refused
            $devices/+/config/#           | refused
            $registries/#                 | $registries/{R}/events/# $registries/{R}/state/#
            $registries/+/events          | $registries/{R}/events
            $registries/+/commands        | refused
            $registries/{XR}/events       | refused
            $registries/{XR}/#            | refused
            $monitoring/#                 | $monitoring/+/json
            $devices/+                    | refused
            $registries/+                 | refused
            #                             | refused
            +/#                           | refused
            $me/device/events             | refused
            $me/registry/events           | refused
            cmd/#                         | refused
            $share/g/$devices/+/events    | refused
            """)
    void registrySubscriptionIsNarrowedToItsOwn(String filter, String expected) {
        check(RegistryFixture.registry().authorizeSubscribe(expand(filter)), expected);
    }

    /** The reference's own example: a device's {@code $devices/+/commands} is its own commands, not '+'. */
    @Test
    void aWildcardForTheDeviceIdBecomesTheDevicesOwnId() {
        List<String> real = realFilters(RegistryFixture.device().authorizeSubscribe("$devices/+/commands"));
        assertEquals(List.of("$devices/" + D + "/commands"), real);
    }

    @ParameterizedTest(name = "no grant of a device or registry names another registry: ''{0}''")
    @ValueSource(strings = {"$registries/#", "$registries/+/#", "$registries/+/+", "$registries/+/commands/#",
            "$registries/+/events/#", "$me/registry/#"})
    void noGrantNamesAnotherRegistry(String filter) {
        for (RegistryTopicPolicy policy : List.of(RegistryFixture.device(), RegistryFixture.registry())) {
            SubscribeDecision decision = policy.authorizeSubscribe(filter);
            if (decision instanceof SubscribeDecision.Granted granted) {
                granted.filters().forEach(f -> assertTrue(
                        f.realFilter().value().startsWith("$registries/" + RegistryFixture.R + "/"), f::toString));
            }
        }
    }

    @Test
    void refusalsNameTheClientAndTheTopic() {
        String reason = denied(RegistryFixture.device().authorizePublish("$devices/" + XD + "/events")).reason();
        assertTrue(reason.contains(D) && reason.contains(XD), reason);
        String refusal = refused(RegistryFixture.device().authorizeSubscribe("$me/device/events")).reason();
        assertTrue(refusal.contains("$me/device/events") && refusal.contains("$devices/" + D + "/events"), refusal);
    }

    private static void check(SubscribeDecision decision, String expected) {
        if (expected.equals("refused")) {
            refused(decision);
        } else {
            assertEquals(Arrays.asList(expand(expected).split(" ")), realFilters(decision));
        }
    }
}
