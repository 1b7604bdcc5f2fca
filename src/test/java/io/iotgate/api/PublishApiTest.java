package io.iotgate.api;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP publish on behalf of a device, a registry and a broker, over real HTTP to real MQTT subscribers:
 * delivered, kept on permanent topics, judged by the identity's MQTT topic rules, the caller's role and the
 * folder's limits.
 */
@QuarkusTest
class PublishApiTest {

    private static final String PASSWORD = "Http-Publish-Pass-12";

    private String folder;
    private String editor;
    private String registry;
    private String device;
    private String otherDevice;
    private String broker;

    @BeforeEach
    void aRegistryWithTwoDevicesAndABroker() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        device = Api.as(editor).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD,
                        "topicAliases", Map.of("thermo/", "$devices/{id}/events/")))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        otherDevice = Api.as(editor).body(Map.of("registryId", registry, "name", "d2", "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
    }

    static Map<String, String> message(String topic, String text) {
        return Map.of("topic", topic, "data", base64(text));
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private ValidatableResponse publishAsDevice(String key, String deviceId, Map<String, ?> body) {
        return Api.as(key).body(body).post("/iot-devices/v1/devices/{id}/publish", deviceId).then();
    }

    private ValidatableResponse publishAsRegistry(String key, String registryId, Map<String, ?> body) {
        return Api.as(key).body(body).post("/iot-devices/v1/registries/{id}/publish", registryId).then();
    }

    private ValidatableResponse publishAsBroker(String key, String brokerId, Map<String, ?> body) {
        return Api.as(key).body(body).post("/iot-broker/v1/brokers/{id}/publish", brokerId).then();
    }

    @Test
    void aDevicesMessageReachesItsRegistrysSubscriberUnderItsRealTopic() {
        try (var backend = MqttClients.v5(registry, PASSWORD)) {
            backend.subscribe("$devices/+/events/#", MqttQos.AT_LEAST_ONCE);
            publishAsDevice(editor, device, message("$devices/" + device + "/events/temperature", "21"))
                    .statusCode(200).body("$", anEmptyMap());
            var received = backend.receive().orElseThrow();
            assertEquals("$devices/" + device + "/events/temperature", received.getTopic().toString());
            assertEquals("21", new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8));
            // $me names and topic aliases mean over HTTP what they mean over MQTT
            publishAsDevice(editor, device, message("$me/device/events/humidity", "40")).statusCode(200);
            assertEquals("$devices/" + device + "/events/humidity", backend.receive().orElseThrow().getTopic().toString());
            publishAsDevice(editor, device, message("thermo/outside", "-3")).statusCode(200);
            assertEquals("$devices/" + device + "/events/outside", backend.receive().orElseThrow().getTopic().toString());
        }
    }

    @Test
    void aRegistrysCommandReachesTheDeviceSubscriber() {
        try (var actuator = MqttClients.v5(device, PASSWORD)) {
            actuator.subscribe("$me/device/commands/#", MqttQos.AT_LEAST_ONCE);
            actuator.subscribe("$registries/" + registry + "/commands", MqttQos.AT_LEAST_ONCE);
            publishAsRegistry(editor, registry, message("$devices/" + device + "/commands/open", "now"))
                    .statusCode(200).body("$", anEmptyMap());
            var received = actuator.receive().orElseThrow();
            assertEquals("$me/device/commands/open", received.getTopic().toString());
            assertEquals("now", new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8));
            publishAsRegistry(editor, registry, message("$registries/" + registry + "/commands", "all")).statusCode(200);
            assertEquals("all", actuator.nextPayload());
        }
    }

    @Test
    void aBrokersMessageReachesItsClients() {
        try (var client = MqttClients.v5(broker, PASSWORD)) {
            client.subscribe("plant/#", MqttQos.AT_LEAST_ONCE);
            publishAsBroker(editor, broker, message("plant/line-1/speed", "42")).statusCode(200).body("$", anEmptyMap());
            var received = client.receive().orElseThrow();
            assertEquals("plant/line-1/speed", received.getTopic().toString());
            assertEquals("42", new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void permanentTopicsPublishedOverHttpAreKeptForLaterSubscribers() {
        publishAsRegistry(editor, registry, message("$devices/" + device + "/config", "v7")).statusCode(200);
        publishAsDevice(editor, device, message("$devices/" + device + "/state", "idle")).statusCode(200);
        try (var late = MqttClients.v5(device, PASSWORD)) {
            late.subscribe("$me/device/config", MqttQos.AT_LEAST_ONCE);
            assertEquals("v7", late.nextPayload());
        }
        try (var late = MqttClients.v5(registry, PASSWORD)) {
            late.subscribe("$devices/" + device + "/state", MqttQos.AT_LEAST_ONCE);
            assertEquals("idle", late.nextPayload());
        }
    }

    @Test
    void missingDataIsAnEmptyPayload() {
        try (var client = MqttClients.v5(broker, PASSWORD)) {
            client.subscribe("empty", MqttQos.AT_LEAST_ONCE);
            publishAsBroker(editor, broker, Map.of("topic", "empty")).statusCode(200);
            assertEquals(0, client.receive().orElseThrow().getPayloadAsBytes().length);
        }
    }

    @Test
    void aTopicTheIdentityMayNotPublishToIsPermissionDenied() {
        publishAsDevice(editor, device, message("$devices/" + otherDevice + "/events", "forged"))
                .statusCode(403).body("code", equalTo(7));
        publishAsDevice(editor, device, message("$devices/" + device + "/commands", "to itself"))
                .statusCode(403).body("code", equalTo(7));
        publishAsDevice(editor, device, message("$monitoring/" + device + "/json", "{}")).statusCode(403);
        publishAsRegistry(editor, registry, message("$devices/" + device + "/events", "as a device")).statusCode(403);
        publishAsRegistry(editor, registry, message("$devices/ard00000000000000000/commands", "nobody"))
                .statusCode(403).body("code", equalTo(7));
        publishAsBroker(editor, broker, message("$devices/" + device + "/commands", "from a broker"))
                .statusCode(403).body("code", equalTo(7));
    }

    @Test
    void aMalformedBodyIsInvalidArgumentNamingTheField() {
        Api.unchecked(editor).body(Map.of("topic", "a/b", "data", "not base64!"))
                .post("/iot-broker/v1/brokers/{id}/publish", broker)
                .then().statusCode(400).body("code", equalTo(3)).body("message", startsWith("data: not valid base64"));
        Api.unchecked(editor).body(Map.of("data", base64("x"))).post("/iot-broker/v1/brokers/{id}/publish", broker)
                .then().statusCode(400).body("code", equalTo(3)).body("message", equalTo("topic: required"));
        Api.unchecked(editor).body(Map.of("topic", "a/b", "qos", 1)).post("/iot-broker/v1/brokers/{id}/publish", broker)
                .then().statusCode(400).body("message", equalTo("qos: unknown field"));
        publishAsBroker(editor, broker, message("plant/#", "wildcard"))
                .statusCode(400).body("code", equalTo(3)).body("message", startsWith("topic: "));
        publishAsDevice(editor, device, message("$devices/" + device + "/events/" + "x".repeat(1100), "long"))
                .statusCode(400).body("message", startsWith("topic: "));
    }

    @Test
    void aPayloadOverTheLimitIsInvalidArgumentNamingData() {
        byte[] tooLarge = new byte[262_145];
        publishAsBroker(editor, broker, Map.of("topic", "big", "data", Base64.getEncoder().encodeToString(tooLarge)))
                .statusCode(400).body("code", equalTo(3)).body("message", startsWith("data: 262145 bytes"));
        try (var client = MqttClients.v5(broker, PASSWORD)) {
            client.subscribe("big", MqttQos.AT_LEAST_ONCE);
            publishAsBroker(editor, broker, Map.of("topic", "big",
                    "data", Base64.getEncoder().encodeToString(new byte[262_144]))).statusCode(200);
            assertEquals(262_144, client.receive().orElseThrow().getPayloadAsBytes().length);
        }
        // the folder's own, lower limit holds over HTTP as over MQTT
        Api.as(Api.adminKey()).body(Map.of("updateMask", "payloadBytes", "payloadBytes", 16))
                .patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200);
        publishAsBroker(editor, broker, message("small", "x".repeat(17))).statusCode(400)
                .body("message", startsWith("data: 17 bytes"));
        publishAsBroker(editor, broker, message("small", "x".repeat(16))).statusCode(200);
    }

    @Test
    void eachWriterRolePublishesAsItsOwnKindOnly() {
        String viewer = Api.newKey(folder, "iot.viewer");
        String auditor = Api.newKey(folder, "iot.auditor");
        String devicesWriter = Api.newKey(folder, "iot.devices.writer");
        String registriesWriter = Api.newKey(folder, "iot.registries.writer");
        var asDevice = message("$devices/" + device + "/events", "e");
        var asRegistry = message("$devices/" + device + "/commands", "c");
        var asBroker = message("plant/x", "b");
        for (String reader : new String[]{viewer, auditor}) {
            publishAsDevice(reader, device, asDevice).statusCode(403).body("code", equalTo(7));
            publishAsRegistry(reader, registry, asRegistry).statusCode(403).body("code", equalTo(7));
            publishAsBroker(reader, broker, asBroker).statusCode(403).body("code", equalTo(7));
        }
        publishAsDevice(devicesWriter, device, asDevice).statusCode(200);
        publishAsRegistry(devicesWriter, registry, asRegistry).statusCode(403);
        publishAsBroker(devicesWriter, broker, asBroker).statusCode(403);
        publishAsRegistry(registriesWriter, registry, asRegistry).statusCode(200);
        publishAsDevice(registriesWriter, device, asDevice).statusCode(403);
        publishAsBroker(registriesWriter, broker, asBroker).statusCode(403);
    }

    @Test
    void unknownIdsAreNotFound() {
        publishAsDevice(editor, "ard00000000000000000", message("$me/device/events", "x")).statusCode(404).body("code", equalTo(5));
        publishAsRegistry(editor, "are00000000000000000", message("$registries/x/commands", "x")).statusCode(404);
        publishAsBroker(editor, "arb00000000000000000", message("a", "x")).statusCode(404);
    }

    @Test
    void aDisabledRegistryIsAFailedPreconditionForItselfAndItsDevices() {
        Api.as(editor).post("/iot-devices/v1/registries/{id}:disable", registry).then().statusCode(200);
        publishAsRegistry(editor, registry, message("$devices/" + device + "/commands", "c"))
                .statusCode(400).body("code", equalTo(9));
        publishAsDevice(editor, device, message("$devices/" + device + "/events", "e"))
                .statusCode(400).body("code", equalTo(9));
    }

    @Test
    void aPublishCountsInTheNamespacesMetricsAndTheDevicesMonitoringData() {
        publishAsDevice(editor, device, message("$devices/" + device + "/events", "12345")).statusCode(200);
        publishAsDevice(editor, device, message("$devices/" + otherDevice + "/events", "refused")).statusCode(403);
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> labels = new HashMap<>(Map.of("namespace_kind", "registry", "namespace_id", registry));
        assertEquals(1, value(metrics, "iotgate_messages_received_total", labels));
        assertEquals(5, value(metrics, "iotgate_bytes_received_total", labels));
        labels.put("type", "publish");
        assertEquals(1, value(metrics, "iotgate_refusals_total", labels));
        Api.as(editor).queryParam("deviceView", "FULL").get("/iot-devices/v1/devices/{id}", device)
                .then().statusCode(200).body("monitoringData.lastPubActivityTime", notNullValue());
    }

    private static double value(String metrics, String name, Map<String, String> labels) {
        var lines = metrics.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .toList();
        assertTrue(lines.size() == 1, "one series " + name + " with " + labels + ", not " + lines);
        return Double.parseDouble(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
    }
}
