package io.iotgate.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry model over real MQTT: devices and their registry talk through IoT Core's topics. */
@QuarkusTest
class RegistryMessagingTest {

    private static final String PASSWORD = "Registry-Model-Pass-1";

    private String editor;
    private String registry;
    private String device;
    private String otherDevice;

    @BeforeEach
    void newRegistry() {
        String folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        device = newDevice("d1");
        otherDevice = newDevice("d2");
    }

    private String newDevice(String name) {
        return Api.as(editor).body(Map.of("registryId", registry, "name", name, "password", PASSWORD,
                        "topicAliases", Map.of(name + "/cmd/", "$devices/{id}/commands/")))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void whatADeviceSendsReachesItsRegistry() {
        try (var backend = MqttClients.v5(registry, PASSWORD); var sensor = MqttClients.v5(device, PASSWORD)) {
            backend.subscribe("$devices/+/events/#", MqttQos.AT_LEAST_ONCE);
            sensor.publish("$devices/" + device + "/events/temperature", "21", MqttQos.AT_LEAST_ONCE);
            var received = backend.receive().orElseThrow();
            assertEquals("$devices/" + device + "/events/temperature", received.getTopic().toString());
        }
    }

    @Test
    void whatTheRegistrySendsReachesTheDeviceUnderTheNameItSubscribedWith() {
        try (var backend = MqttClients.v5(registry, PASSWORD); var actuator = MqttClients.v5(device, PASSWORD)) {
            actuator.subscribe("$me/device/commands/#", MqttQos.AT_LEAST_ONCE);
            backend.publish("$devices/" + device + "/commands/open", "now", MqttQos.AT_LEAST_ONCE);
            assertEquals("$me/device/commands/open", actuator.receive().orElseThrow().getTopic().toString());
            actuator.subscribe("d1/cmd/#", MqttQos.AT_LEAST_ONCE);
            actuator.client().unsubscribeWith().topicFilter("$me/device/commands/#").send();
            backend.publish("$devices/" + device + "/commands/close", "later", MqttQos.AT_LEAST_ONCE);
            assertEquals("d1/cmd/close", actuator.receive().orElseThrow().getTopic().toString());
        }
    }

    @Test
    void aPermanentTopicGreetsALaterSubscriberAfterItWasSet() {
        try (var backend = MqttClients.v5(registry, PASSWORD)) {
            backend.publish("$devices/" + device + "/config", "v2", MqttQos.AT_LEAST_ONCE);
        }
        try (var late = MqttClients.v5(device, PASSWORD)) {
            late.subscribe("$devices/" + device + "/config", MqttQos.AT_LEAST_ONCE);
            assertEquals("v2", late.nextPayload());
        }
    }

    @Test
    void aDeviceCannotReadAnotherDevicesCommands() {
        try (var attacker = MqttClients.v5(otherDevice, PASSWORD)) {
            var refused = assertThrows(com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException.class,
                    () -> attacker.client().subscribeWith().topicFilter("$devices/" + device + "/commands/#").send());
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));
            // A wildcard is narrowed to the attacker's own topics: the victim's command never arrives, the sentinel does.
            attacker.subscribe("$devices/+/commands/#", MqttQos.AT_LEAST_ONCE);
            try (var backend = MqttClients.v5(registry, PASSWORD)) {
                backend.publish("$devices/" + device + "/commands/secret", "secret", MqttQos.AT_LEAST_ONCE);
                backend.publish("$devices/" + otherDevice + "/commands/sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("sentinel", attacker.nextPayload());
        }
    }

    @Test
    void aForbiddenPublishClosesTheConnection() {
        var attacker = MqttClients.v5(otherDevice, PASSWORD);
        try {
            attacker.client().publishWith().topic("$devices/" + device + "/events").payload("forged".getBytes())
                    .qos(MqttQos.AT_LEAST_ONCE).send();
        } catch (RuntimeException expected) {
            // The gateway disconnects instead of acknowledging.
        }
        assertFalse(attacker.client().getState().isConnected());
    }

    @Test
    void aDisabledRegistryRefusesItsDevices() {
        Api.as(editor).post("/iot-devices/v1/registries/{id}:disable", registry).then().statusCode(200);
        var refused = assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5(device, PASSWORD));
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCode());
    }

    @Test
    void aRegisteredCertificateIdentifiesTheDeviceOverTls() {
        var certificate = TestCertificates.selfSigned("device-cert");
        Api.as(editor).body(Map.of("certificateData", certificate.pem()))
                .post("/iot-devices/v1/devices/{id}/certificates", device).then().statusCode(200);
        var client = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion3().identifier("cert-device")
                .serverHost("localhost").serverPort(MqttClients.port(MqttListeners.Kind.TLS))
                .sslConfig(MqttClients.tls(certificate)).buildBlocking();
        client.connect();
        assertTrue(client.getState().isConnected());
        client.disconnect();

        var stranger = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion3().identifier("stranger")
                .serverHost("localhost").serverPort(MqttClients.port(MqttListeners.Kind.TLS))
                .sslConfig(MqttClients.tls(TestCertificates.selfSigned("unregistered"))).buildBlocking();
        assertThrows(com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException.class, stranger::connect);
    }

    @Test
    void deletingThePasswordInUseEndsTheSession() throws Exception {
        try (var session = MqttClients.v5(device, PASSWORD)) {
            List<String> ids = Api.as(editor).get("/iot-devices/v1/devices/{id}/passwords", device)
                    .then().extract().path("passwords.id");
            Api.as(editor).delete("/iot-devices/v1/devices/{id}/passwords/{p}", device, ids.get(0)).then().statusCode(200);
            long deadline = System.currentTimeMillis() + 5000;
            while (session.client().getState().isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(session.client().getState().isConnected());
        }
    }
}
