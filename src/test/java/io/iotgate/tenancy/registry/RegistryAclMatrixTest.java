package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;
import io.iotgate.tenancy.TopicRename;

import io.iotgate.tenancy.PublishDecision.Allowed;
import io.iotgate.tenancy.SubscribeDecision.Granted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.iotgate.tenancy.registry.RegistryFixture.D;
import static io.iotgate.tenancy.registry.RegistryFixture.allowed;
import static io.iotgate.tenancy.registry.RegistryFixture.denied;
import static io.iotgate.tenancy.registry.RegistryFixture.expand;
import static io.iotgate.tenancy.registry.RegistryFixture.granted;
import static io.iotgate.tenancy.registry.RegistryFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The whole topic ACL matrix of IoT Core's registry model (iot-core.md section 2), one row per topic, for
 * device D of registry R and for R itself, with both the base topics and subtopics.
 *
 * <p>Verdicts: {@code yes} = allowed / granted exactly as written; {@code no} = denied / refused.
 * Two verdicts mark where the reference's "anything of another registry: no" is kept outside this policy,
 * which cannot know which devices a registry has:
 * <ul>
 * <li>{@code edge}: a registry publishing to {@code $devices/<id>/commands|config} is allowed here with
 *     {@code targetDeviceId = <id>}; the MQTT edge refuses IDs missing from the registry's device cache.</li>
 * <li>{@code trie}: a registry's subscription naming a device ID is granted as written, because a device may
 *     be created later; it lives in R's own trie, where a device of another registry never publishes.</li>
 * </ul>
 */
class RegistryAclMatrixTest {

    /** Lower case so that the table reads like the reference's. */
    private enum Verdict { yes, no, edge, trie }

    @ParameterizedTest(name = "{0}: device pub {1}, device sub {2}, registry pub {3}, registry sub {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # topic                            | device D publishes | device D subscribes | registry R publishes | registry R subscribes
            $devices/{D}/events                | yes | no  | no   | yes
            $devices/{D}/events/temperature    | yes | no  | no   | yes
            $devices/{D}/events/a/b/c          | yes | no  | no   | yes
            $devices/{D}/state                 | yes | no  | no   | yes
            $devices/{D}/state/battery         | yes | no  | no   | yes
            $devices/{D}/commands              | no  | yes | yes  | no
            $devices/{D}/commands/reboot       | no  | yes | yes  | no
            $devices/{D}/commands/a/b/c        | no  | yes | yes  | no
            $devices/{D}/config                | no  | yes | yes  | no
            $devices/{D}/config/wifi           | no  | yes | yes  | no
            $registries/{R}/events             | yes | no  | no   | yes
            $registries/{R}/events/alarm       | yes | no  | no   | yes
            $registries/{R}/state              | yes | no  | no   | yes
            $registries/{R}/state/x/y          | yes | no  | no   | yes
            $registries/{R}/commands           | no  | yes | yes  | no
            $registries/{R}/commands/all       | no  | yes | yes  | no
            $registries/{R}/config             | no  | yes | yes  | no
            $registries/{R}/config/firmware    | no  | yes | yes  | no
            $monitoring/{D}/json               | no  | yes | no   | yes
            # another device of the same registry
            $devices/{D2}/events               | no  | no  | no   | yes
            $devices/{D2}/state/x              | no  | no  | no   | yes
            $devices/{D2}/commands             | no  | no  | yes  | no
            $devices/{D2}/config/x             | no  | no  | yes  | no
            $monitoring/{D2}/json              | no  | no  | no   | yes
            # anything of another registry or its devices
            $devices/{XD}/events               | no  | no  | no   | trie
            $devices/{XD}/state                | no  | no  | no   | trie
            $devices/{XD}/commands             | no  | no  | edge | no
            $devices/{XD}/config/x             | no  | no  | edge | no
            $registries/{XR}/events            | no  | no  | no   | no
            $registries/{XR}/state             | no  | no  | no   | no
            $registries/{XR}/commands          | no  | no  | no   | no
            $registries/{XR}/config            | no  | no  | no   | no
            $monitoring/{XD}/json              | no  | no  | no   | trie
            # anything of a broker: topics without '$' (no alias here)
            sensors/temperature                | no  | no  | no   | no
            $devices/{D}/events/../../{XD}/commands | yes | no | no | yes
            """)
    void followsTheMatrix(String topic, Verdict devicePub, Verdict deviceSub, Verdict registryPub,
                          Verdict registrySub) {
        String real = expand(topic);
        checkPublish(RegistryFixture.device(), real, devicePub);
        checkSubscribe(RegistryFixture.device(), real, deviceSub);
        checkPublish(RegistryFixture.registry(), real, registryPub);
        checkSubscribe(RegistryFixture.registry(), real, registrySub);
    }

    private static void checkPublish(RegistryTopicPolicy policy, String topic, Verdict verdict) {
        PublishDecision decision = policy.authorizePublish(topic);
        if (verdict == Verdict.no) {
            denied(decision);
            return;
        }
        Allowed allowed = allowed(decision);
        assertEquals(topic, allowed.realTopic().value(), "a real topic is routed as written");
        String[] levels = topic.split("/");
        assertEquals(levels[2].equals("state") || levels[2].equals("config"), allowed.permanent(), "permanent");
        Optional<String> target = levels[0].equals("$devices") ? Optional.of(levels[1]) : Optional.empty();
        assertEquals(target, allowed.targetDeviceId(), "the device the edge checks against its cache");
        if (verdict == Verdict.edge) {
            assertEquals(Optional.of(RegistryFixture.XD), allowed.targetDeviceId());
        }
    }

    private static void checkSubscribe(RegistryTopicPolicy policy, String filter, Verdict verdict) {
        SubscribeDecision decision = policy.authorizeSubscribe(filter);
        if (verdict == Verdict.no) {
            refused(decision);
            return;
        }
        Granted grant = granted(decision);
        assertEquals(1, grant.filters().size(), () -> "one filter: " + grant);
        assertEquals(filter, grant.filters().get(0).realFilter().value(), "granted as written");
        assertSame(TopicRename.UNCHANGED, grant.filters().get(0).rename());
    }

    /** The last matrix row: '..' is a level like any other, so that topic stays under D's events. */
    @Test
    void dotDotIsNoPathStep() {
        Allowed allowed = allowed(RegistryFixture.device().authorizePublish(expand("$devices/{D}/events/../../{XD}/commands")));
        assertEquals(Optional.of(D), allowed.targetDeviceId());
    }
}
