package io.iotgate.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registry addresses only its own devices (IoT Core: nothing of another registry): a PUBLISH to the commands
 * or config of a device of another registry, or of no device at all, closes the connection like any forbidden
 * PUBLISH, and a SUBSCRIBE naming such a device is refused for that filter. The registry's devices are known
 * at once: created, deleted.
 */
@QuarkusTest
class RegistryDeviceOwnershipTest {

    private static final String PASSWORD = "Ownership-Test-Pass-1";
    /** Shaped like a device ID, but no device has it. */
    private static final String NO_DEVICE = "ard00000000000000000";

    private String editor;
    private String registry;
    private String own;
    private String otherRegistry;
    private String foreign;

    @BeforeEach
    void twoRegistriesOfOneFolder() {
        String folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = registry(folder, "mine");
        own = device(registry, "own");
        otherRegistry = registry(folder, "theirs");
        foreign = device(otherRegistry, "foreign");
    }

    private String registry(String folder, String name) {
        return Api.as(editor).body(Map.of("folderId", folder, "name", name, "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
    }

    private String device(String registryId, String name) {
        return Api.as(editor).body(Map.of("registryId", registryId, "name", name, "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void aCommandToADeviceOfAnotherRegistryClosesTheConnection() {
        refusedPublish("$devices/" + foreign + "/commands");
    }

    @Test
    void aConfigForADeviceOfAnotherRegistryClosesTheConnection() {
        refusedPublish("$devices/" + foreign + "/config/firmware");
    }

    @Test
    void aCommandToNoDeviceAtAllClosesTheConnection() {
        refusedPublish("$devices/" + NO_DEVICE + "/commands");
    }

    private void refusedPublish(String topic) {
        try (var victim = MqttClients.v5(foreign, PASSWORD); var intruder = WatchedClients.v5(registry, PASSWORD)) {
            victim.subscribe("$devices/" + foreign + "/#", MqttQos.AT_LEAST_ONCE);
            intruder.publishAndForget(topic, "FORGED");
            intruder.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
            try (var rightful = MqttClients.v5(otherRegistry, PASSWORD)) {
                rightful.publish("$devices/" + foreign + "/commands", "SENTINEL", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("SENTINEL", victim.nextPayload(), "the forged message came before the sentinel");
        }
    }

    @Test
    void aSubscriptionNamingADeviceOfAnotherRegistryIsRefusedAndTheSessionStays() {
        try (var backend = MqttClients.v5(registry, PASSWORD)) {
            for (String filter : new String[]{"$devices/" + foreign + "/events", "$devices/" + foreign + "/#",
                    "$monitoring/" + foreign + "/json", "$devices/" + NO_DEVICE + "/state/#"}) {
                var refused = assertThrows(Mqtt5SubAckException.class,
                        () -> backend.client().subscribeWith().topicFilter(filter).send(), filter);
                assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0), filter);
            }
            assertTrue(backend.client().getState().isConnected(), "a refused SUBSCRIBE keeps the session");
            backend.subscribe("$devices/" + own + "/events", MqttQos.AT_LEAST_ONCE);
            try (var sensor = MqttClients.v5(own, PASSWORD)) {
                sensor.publish("$devices/" + own + "/events", "own", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("own", backend.nextPayload());
        }
    }

    @Test
    void aDeviceCreatedWhileTheRegistryIsConnectedIsItsToCommandAtOnce() {
        try (var backend = WatchedClients.v5(registry, PASSWORD)) {
            String newcomer = device(registry, "newcomer");
            try (var actuator = MqttClients.v5(newcomer, PASSWORD)) {
                actuator.subscribe("$devices/" + newcomer + "/commands", MqttQos.AT_LEAST_ONCE);
                backend.client().publishWith().topic("$devices/" + newcomer + "/commands").payload("hello".getBytes())
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                assertEquals("hello", actuator.nextPayload());
            }
        }
    }

    @Test
    void aDeletedDeviceIsNoLongerTheRegistrysToCommand() {
        Api.as(editor).delete("/iot-devices/v1/devices/{id}", own).then().statusCode(200);
        try (var backend = WatchedClients.v5(registry, PASSWORD)) {
            backend.publishAndForget("$devices/" + own + "/commands", "too late");
            backend.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
        }
    }
}
