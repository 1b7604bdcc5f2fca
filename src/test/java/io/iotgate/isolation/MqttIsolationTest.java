package io.iotgate.isolation;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The attacker's side of the data plane, over real MQTT. Two folders: registry A (devices a1, a2) and
 * broker X in one, registry B (device b1) and broker Y in the other. Each attacker (device a1, registry A,
 * a client of broker X) subscribes with filters meant to escape (wildcards, other IDs, other families,
 * aliases, {@code $me}, shared subscriptions), then every victim publishes secrets, kept ones included; the
 * attacker may receive nothing of them before its sentinel. Forbidden PUBLISHes close the connection and
 * reach no one.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttIsolationTest {

    private static final String PASSWORD = "Isolation-Test-Pass-1";

    private TwoTenants tenants;

    /** Once for all cases (the tenants are only read); in BeforeEach because the HTTP port is known only there. */
    @BeforeEach
    void twoTenants() {
        if (tenants == null) {
            tenants = TwoTenants.create(PASSWORD);
        }
    }

    enum Attacker { DEVICE_A1, REGISTRY_A, BROKER_X }

    static Stream<Object[]> escapes() {
        List<Object[]> cases = new ArrayList<>();
        for (String filter : List.of("#", "+/#", "$devices/#", "$devices/+/events", "$devices/+/events/#",
                "$devices/{a2}/events", "$devices/{a2}/#", "$devices/{b1}/#", "$devices/+/commands", "$devices/+/+",
                "$devices/+/state", "$registries/#", "$registries/+/events", "$registries/{A}/events",
                "$registries/{B}/#", "$monitoring/#", "$monitoring/+/json", "$monitoring/{a2}/json",
                "$me/#", "$me/+/events", "$me/registry/#", "a2/#", "+/events", "$share/g/$devices/#", "$share/g/#")) {
            cases.add(new Object[]{Attacker.DEVICE_A1, filter});
        }
        for (String filter : List.of("#", "+/#", "$devices/#", "$devices/+/events", "$devices/{b1}/#",
                "$devices/{b1}/events", "$registries/#", "$registries/+/events", "$registries/{B}/#",
                "$monitoring/#", "$monitoring/{b1}/json", "$me/#", "$share/g/$devices/#")) {
            cases.add(new Object[]{Attacker.REGISTRY_A, filter});
        }
        for (String filter : List.of("#", "+/#", "secret/#", "$devices/#", "$registries/#", "$monitoring/#",
                "$SYS/#", "$share/g/#", "$share/g/secret/y")) {
            cases.add(new Object[]{Attacker.BROKER_X, filter});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} subscribing {1}")
    @MethodSource("escapes")
    void noFilterReachesAnotherTenantsOrAnotherDevicesMessages(Attacker attacker, String filterTemplate) {
        String filter = ids(filterTemplate);
        Mqtt5BlockingClient spy = MqttClients.tcp5().buildBlocking();
        try (var received = spy.publishes(MqttGlobalPublishFilter.ALL)) {
            spy.connectWith().simpleAuth().username(username(attacker)).password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
            try {
                spy.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            } catch (RuntimeException refused) {
                // a refused filter is one right answer; the other is a narrowed grant. The session must stay.
            }
            assertTrue(spy.getState().isConnected(), "a refused SUBSCRIBE keeps the session");
            spy.subscribeWith().topicFilter(sentinelFilter(attacker)).qos(MqttQos.AT_LEAST_ONCE).send();
            publishSecrets();
            publishSentinel(attacker);
            List<String> leaked = new ArrayList<>();
            while (true) {
                Optional<Mqtt5Publish> next = received.receive(10, TimeUnit.SECONDS);
                if (next.isEmpty()) {
                    fail("the sentinel never arrived; before it: " + leaked);
                }
                String payload = new String(next.get().getPayloadAsBytes(), StandardCharsets.UTF_8);
                if (payload.equals("SENTINEL")) {
                    break;
                }
                if (forbidden(attacker, payload) || mentionsAVictim(attacker, next.get().getTopic().toString() + payload)) {
                    leaked.add(next.get().getTopic() + " " + payload);
                }
            }
            assertTrue(leaked.isEmpty(), attacker + " with '" + filter + "' received " + leaked);
            spy.disconnect();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Object[]> forbiddenPublishes() {
        return Stream.of(
                new Object[]{Attacker.DEVICE_A1, "$devices/{a2}/events"},
                new Object[]{Attacker.DEVICE_A1, "$devices/{a2}/commands"},
                new Object[]{Attacker.DEVICE_A1, "$devices/{a1}/commands"},
                new Object[]{Attacker.DEVICE_A1, "$devices/{b1}/commands"},
                new Object[]{Attacker.DEVICE_A1, "$devices/{b1}/events"},
                new Object[]{Attacker.DEVICE_A1, "$registries/{A}/commands"},
                new Object[]{Attacker.DEVICE_A1, "$registries/{B}/events"},
                new Object[]{Attacker.DEVICE_A1, "$monitoring/{a1}/json"},
                new Object[]{Attacker.DEVICE_A1, "$me/registry/commands"},
                new Object[]{Attacker.DEVICE_A1, "a2/events"},
                new Object[]{Attacker.DEVICE_A1, "secret/y"},
                new Object[]{Attacker.REGISTRY_A, "$devices/{a2}/events"},
                new Object[]{Attacker.REGISTRY_A, "$registries/{B}/commands"},
                new Object[]{Attacker.REGISTRY_A, "$registries/{A}/events"},
                new Object[]{Attacker.REGISTRY_A, "$monitoring/{a2}/json"},
                // a device of another registry is not the registry's to command, even in its own namespace
                new Object[]{Attacker.REGISTRY_A, "$devices/{b1}/commands"},
                new Object[]{Attacker.REGISTRY_A, "$devices/{b1}/config"},
                new Object[]{Attacker.BROKER_X, "$devices/{b1}/commands"},
                new Object[]{Attacker.BROKER_X, "$registries/{A}/commands"},
                new Object[]{Attacker.BROKER_X, "$share/g/secret/y"});
    }

    @ParameterizedTest(name = "{0} publishing {1}")
    @MethodSource("forbiddenPublishes")
    void aForbiddenPublishClosesTheConnectionAndReachesNoOne(Attacker attacker, String topicTemplate) throws Exception {
        String topic = ids(topicTemplate);
        try (var b = MqttClients.v5(tenants.registryB(), PASSWORD); var deviceB = MqttClients.v5(tenants.b1(), PASSWORD);
             var a = MqttClients.v5(tenants.registryA(), PASSWORD); var deviceA2 = MqttClients.v5(tenants.a2(), PASSWORD);
             var y = MqttClients.v5(tenants.brokerY(), PASSWORD); var x = MqttClients.v5(tenants.brokerX(), PASSWORD)) {
            b.subscribe("$devices/#", MqttQos.AT_LEAST_ONCE);
            b.subscribe("$registries/" + tenants.registryB() + "/#", MqttQos.AT_LEAST_ONCE);
            deviceB.subscribe("$devices/" + tenants.b1() + "/#", MqttQos.AT_LEAST_ONCE);
            a.subscribe("$devices/+/events", MqttQos.AT_LEAST_ONCE);
            a.subscribe("$registries/" + tenants.registryA() + "/events", MqttQos.AT_LEAST_ONCE);
            deviceA2.subscribe("$devices/" + tenants.a2() + "/#", MqttQos.AT_LEAST_ONCE);
            deviceA2.subscribe("$registries/" + tenants.registryA() + "/commands", MqttQos.AT_LEAST_ONCE);
            y.subscribe("#", MqttQos.AT_LEAST_ONCE);
            x.subscribe("#", MqttQos.AT_LEAST_ONCE);

            Mqtt5BlockingClient intruder = MqttClients.tcp5().buildBlocking();
            intruder.connectWith().simpleAuth().username(username(attacker)).password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
            intruder.publishWith().topic(topic).payload("FORGED".getBytes()).qos(MqttQos.AT_MOST_ONCE).send();
            long deadline = System.currentTimeMillis() + 5_000;
            while (intruder.getState().isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(intruder.getState().isConnected(), "a forbidden PUBLISH closes the connection");

            // each victim's next message is its own sentinel: the forged message reached none of them
            try (var sender = MqttClients.v5(tenants.a2(), PASSWORD); var registrySender = MqttClients.v5(tenants.registryB(), PASSWORD);
                 var ySender = MqttClients.v5(tenants.brokerY(), PASSWORD); var xSender = MqttClients.v5(tenants.brokerX(), PASSWORD);
                 var aSender = MqttClients.v5(tenants.registryA(), PASSWORD)) {
                registrySender.publish("$devices/" + tenants.b1() + "/commands", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                sender.publish("$devices/" + tenants.a2() + "/events", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                aSender.publish("$devices/" + tenants.a2() + "/commands", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                ySender.publish("sentinel", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                xSender.publish("sentinel", "SENTINEL", MqttQos.AT_LEAST_ONCE);
            }
            try (var deviceB1 = MqttClients.v5(tenants.b1(), PASSWORD)) {
                deviceB1.publish("$devices/" + tenants.b1() + "/events", "SENTINEL", MqttQos.AT_LEAST_ONCE);
            }
            for (var victim : List.of(b, deviceB, a, deviceA2, y, x)) {
                String next;
                do { // kept messages of earlier cases may come first; the forged one must not come at all
                    next = victim.nextPayload();
                    assertFalse(next.equals("FORGED"), "a victim received the forged message");
                } while (!next.equals("SENTINEL"));
            }
        }
    }

    private void publishSecrets() {
        try (var deviceA2 = MqttClients.v5(tenants.a2(), PASSWORD); var deviceB1 = MqttClients.v5(tenants.b1(), PASSWORD);
             var regA = MqttClients.v5(tenants.registryA(), PASSWORD); var regB = MqttClients.v5(tenants.registryB(), PASSWORD);
             var y = MqttClients.v5(tenants.brokerY(), PASSWORD)) {
            deviceA2.publish("$devices/" + tenants.a2() + "/events/x", "A2EV-events", MqttQos.AT_LEAST_ONCE);
            deviceA2.publish("$devices/" + tenants.a2() + "/state", "A2EV-state", MqttQos.AT_LEAST_ONCE);
            deviceA2.publish("$registries/" + tenants.registryA() + "/events", "A2EV-to-registry", MqttQos.AT_LEAST_ONCE);
            regA.publish("$devices/" + tenants.a2() + "/commands", "A2CMD-command", MqttQos.AT_LEAST_ONCE);
            regA.publish("$devices/" + tenants.a2() + "/config", "A2CMD-config", MqttQos.AT_LEAST_ONCE);
            deviceB1.publish("$devices/" + tenants.b1() + "/events", "B-b1-events", MqttQos.AT_LEAST_ONCE);
            deviceB1.publish("$registries/" + tenants.registryB() + "/events", "B-b1-to-registry", MqttQos.AT_LEAST_ONCE);
            regB.publish("$devices/" + tenants.b1() + "/commands", "B-command-for-b1", MqttQos.AT_LEAST_ONCE);
            regB.publish("$registries/" + tenants.registryB() + "/commands", "B-registry-commands", MqttQos.AT_LEAST_ONCE);
            regB.publish("$registries/" + tenants.registryB() + "/config", "B-registry-config", MqttQos.AT_LEAST_ONCE);
            y.client().publishWith().topic("secret/y").payload("Y-retained".getBytes()).retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).send();
        }
    }

    /**
     * Secrets are marked by whose they are: A2EV (what a2 sends its registry), A2CMD (what registry A sends
     * a2), B (tenant B), Y (broker Y). Registry A may read A2EV; nobody else may read any.
     */
    private static boolean forbidden(Attacker attacker, String payload) {
        if (attacker == Attacker.REGISTRY_A && payload.startsWith("A2EV-")) {
            return false;
        }
        return payload.startsWith("A2EV-") || payload.startsWith("A2CMD-") || payload.startsWith("B-")
                || payload.startsWith("Y-");
    }

    /** Topics and monitoring data naming a device or registry the attacker has no business with. */
    private boolean mentionsAVictim(Attacker attacker, String text) {
        return switch (attacker) {
            case DEVICE_A1 -> text.contains(tenants.a2()) || text.contains(tenants.b1()) || text.contains(tenants.registryB());
            case REGISTRY_A -> text.contains(tenants.b1()) || text.contains(tenants.registryB());
            case BROKER_X -> text.contains("$");
        };
    }

    private String username(Attacker attacker) {
        return switch (attacker) {
            case DEVICE_A1 -> tenants.a1();
            case REGISTRY_A -> tenants.registryA();
            case BROKER_X -> tenants.brokerX();
        };
    }

    private String sentinelFilter(Attacker attacker) {
        return switch (attacker) {
            case DEVICE_A1 -> "$devices/" + tenants.a1() + "/commands/sentinel";
            case REGISTRY_A -> "$devices/" + tenants.a1() + "/events/sentinel";
            case BROKER_X -> "sentinel/x";
        };
    }

    private void publishSentinel(Attacker attacker) {
        switch (attacker) {
            case DEVICE_A1 -> {
                try (var registry = MqttClients.v5(tenants.registryA(), PASSWORD)) {
                    registry.publish("$devices/" + tenants.a1() + "/commands/sentinel", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                }
            }
            case REGISTRY_A -> {
                try (var device = MqttClients.v5(tenants.a1(), PASSWORD)) {
                    device.publish("$devices/" + tenants.a1() + "/events/sentinel", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                }
            }
            case BROKER_X -> {
                try (var client = MqttClients.v5(tenants.brokerX(), PASSWORD)) {
                    client.publish("sentinel/x", "SENTINEL", MqttQos.AT_LEAST_ONCE);
                }
            }
        }
    }

    private String ids(String template) {
        return template.replace("{a1}", tenants.a1()).replace("{a2}", tenants.a2()).replace("{b1}", tenants.b1())
                .replace("{A}", tenants.registryA()).replace("{B}", tenants.registryB());
    }
}
