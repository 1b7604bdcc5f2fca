package io.iotgate.isolation;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The attacker's side of HTTP publish. Folder 1 holds registry A (devices a1, a2) and broker X; folder 2
 * registry B (device b1) and broker Y. The attacker holds {@code iot.editor} on folder 1 only: it publishes
 * as its own identities to topics of the others (refused as over MQTT, 403) and as folder 2's identities
 * (404, exactly as for IDs that do not exist). Every victim subscribes over MQTT; each one's next message is
 * its own sentinel, so no forged message reached it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpPublishIsolationTest {

    private static final String PASSWORD = "Http-Isolation-Pass-1";
    private static final String FORGED = "FORGED";

    private TwoTenants tenants;

    @BeforeEach
    void twoTenants() {
        if (tenants == null) {
            tenants = TwoTenants.create(PASSWORD);
        }
    }

    /** Publish as a {@code kind} ("devices", "registries", "brokers") with ID {id} to {topic}, expecting {status}. */
    static Stream<Object[]> forgeries() {
        return Stream.of(
                // the attacker's own identities, to topics that are not theirs: refused as over MQTT
                new Object[]{"devices", "{a1}", "$devices/{a2}/events", 403},
                new Object[]{"devices", "{a1}", "$devices/{a2}/commands", 403},
                new Object[]{"devices", "{a1}", "$devices/{b1}/events", 403},
                new Object[]{"devices", "{a1}", "$registries/{B}/events", 403},
                new Object[]{"devices", "{a1}", "$me/registry/commands", 403},
                new Object[]{"devices", "{a1}", "a1/../{a2}/events", 403},
                new Object[]{"registries", "{A}", "$devices/{b1}/commands", 403},
                new Object[]{"registries", "{A}", "$devices/{b1}/config", 403},
                new Object[]{"registries", "{A}", "$registries/{B}/commands", 403},
                new Object[]{"registries", "{A}", "$devices/{a2}/events", 403},
                new Object[]{"brokers", "{X}", "$devices/{b1}/commands", 403},
                new Object[]{"brokers", "{X}", "$registries/{B}/config", 403},
                new Object[]{"brokers", "{X}", "$SYS/x", 403},
                // the other folder's identities: they do not exist for the attacker
                new Object[]{"devices", "{b1}", "$devices/{b1}/events", 404},
                new Object[]{"registries", "{B}", "$devices/{b1}/commands", 404},
                new Object[]{"registries", "{B}", "$registries/{B}/config", 404},
                new Object[]{"brokers", "{Y}", "secret/y", 404});
    }

    @ParameterizedTest(name = "as {0} {1} to {2}: {3}")
    @MethodSource("forgeries")
    void aForgedPublishIsRefusedAndReachesNoOne(String kind, String idTemplate, String topicTemplate, int status) {
        String id = ids(idTemplate);
        String topic = ids(topicTemplate);
        try (var registryBSubscriber = MqttClients.v5(tenants.registryB(), PASSWORD); var deviceB1 = MqttClients.v5(tenants.b1(), PASSWORD);
             var deviceA2 = MqttClients.v5(tenants.a2(), PASSWORD); var y = MqttClients.v5(tenants.brokerY(), PASSWORD)) {
            registryBSubscriber.subscribe("$devices/#", MqttQos.AT_LEAST_ONCE);
            registryBSubscriber.subscribe("$registries/" + tenants.registryB() + "/#", MqttQos.AT_LEAST_ONCE);
            deviceB1.subscribe("$devices/" + tenants.b1() + "/#", MqttQos.AT_LEAST_ONCE);
            deviceB1.subscribe("$registries/" + tenants.registryB() + "/#", MqttQos.AT_LEAST_ONCE);
            deviceA2.subscribe("$devices/" + tenants.a2() + "/#", MqttQos.AT_LEAST_ONCE);
            y.subscribe("#", MqttQos.AT_LEAST_ONCE);

            Response response = Api.as(tenants.attackerKey())
                    .body(Map.of("topic", topic, "data", Base64.getEncoder().encodeToString(FORGED.getBytes(StandardCharsets.UTF_8))))
                    .post("/" + (kind.equals("brokers") ? "iot-broker" : "iot-devices") + "/v1/" + kind + "/{id}/publish", id);
            assertEquals(status, response.statusCode(), response.asString());
            assertEquals(status == 404 ? 5 : 7, response.jsonPath().getInt("code"));
            if (status == 404) { // word for word what an ID that does not exist gets: nothing else is told
                String noun = Map.of("devices", "Device", "registries", "Registry", "brokers", "Broker").get(kind);
                assertEquals(noun + " " + id + " not found", response.jsonPath().getString("message"));
            }

            sentinel("/iot-devices/v1/devices/{id}/publish", tenants.b1(), "$devices/" + tenants.b1() + "/events");
            sentinel("/iot-devices/v1/registries/{id}/publish", tenants.registryB(), "$devices/" + tenants.b1() + "/commands");
            sentinel("/iot-broker/v1/brokers/{id}/publish", tenants.brokerY(), "sentinel");
            try (var registry = MqttClients.v5(tenants.registryA(), PASSWORD)) {
                registry.publish("$devices/" + tenants.a2() + "/commands", "SENTINEL", MqttQos.AT_LEAST_ONCE);
            }
            for (var victim : List.of(registryBSubscriber, deviceB1, deviceA2, y)) {
                String next;
                do { // kept messages of other cases may come first; the forged one must not come at all
                    next = victim.nextPayload();
                    assertFalse(next.equals(FORGED), "a victim received the forged message");
                } while (!next.equals("SENTINEL"));
            }
        }
    }

    private void sentinel(String path, String id, String topic) {
        Api.as(tenants.victimKey()).body(Map.of("topic", topic, "data", Base64.getEncoder().encodeToString("SENTINEL".getBytes(StandardCharsets.UTF_8))))
                .post(path, id).then().statusCode(200);
    }

    private String ids(String template) {
        return template.replace("{a1}", tenants.a1()).replace("{a2}", tenants.a2()).replace("{b1}", tenants.b1()).replace("{A}", tenants.registryA())
                .replace("{B}", tenants.registryB()).replace("{X}", tenants.brokerX()).replace("{Y}", tenants.brokerY());
    }
}
