package io.iotgate.observe;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import io.iotgate.support.Api;
import io.iotgate.support.Eventually;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection log over real MQTT and real HTTP: what is written, and who may read it. */
@QuarkusTest
class ConnectionLogTest {

    private static final String PASSWORD = "Connection-Log-Pass-1";

    private String folder;
    private String editor;
    private String registry;
    private String device;
    private String otherDevice;

    @BeforeEach
    void newRegistry() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        device = newDevice("d1");
        otherDevice = newDevice("d2");
    }

    private String newDevice(String name) {
        return Api.as(editor).body(Map.of("registryId", registry, "name", name, "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void aConnectionIsLoggedWithHowTheDeviceAuthenticatedAndWhyItEnded() {
        var client = MqttClients.tcp5().identifier("sensor-7").buildBlocking();
        client.connectWith().simpleAuth().username(device).password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        client.disconnect();
        String passwordId = Api.as(editor).get("/iot-devices/v1/devices/{id}/passwords", device)
                .then().statusCode(200).extract().path("passwords[0].id");

        JsonPath log = Eventually.until(() -> deviceLog(device, ""), l -> l.getList("entries").size() >= 2);

        assertEquals(List.of("DISCONNECTED", "CONNECTED"), log.getList("entries.type"));
        Map<String, Object> connected = log.getMap("entries[1]");
        assertEquals(device, connected.get("deviceId"));
        assertEquals(registry, connected.get("registryId"));
        assertEquals("sensor-7", connected.get("mqttClientId"));
        assertEquals("127.0.0.1", connected.get("remoteAddress"));
        assertEquals("5", connected.get("protocolVersion"));
        assertEquals(passwordId, connected.get("passwordId"));
        assertNull(connected.get("certificateFingerprint"));
        assertTrue(log.getString("entries[0].reason").contains("client sent DISCONNECT"), log.getString("entries[0].reason"));
    }

    @Test
    void aRefusedPasswordIsLoggedUnderTheDeviceItNamed() {
        assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5(device, "Wrong-Password-123"));

        JsonPath log = Eventually.until(() -> deviceLog(device, ""), l -> !l.getList("entries").isEmpty());

        assertEquals("CONNECT_REFUSED", log.getString("entries[0].type"));
        assertTrue(log.getString("entries[0].reason").startsWith("BAD_CREDENTIALS"), log.getString("entries[0].reason"));
        assertEquals("127.0.0.1", log.getString("entries[0].remoteAddress"));
        assertNull(log.get("entries[0].passwordId"));
    }

    @Test
    void forbiddenSubscribeAndPublishAreLoggedWithTheirTopics() {
        var attacker = MqttClients.v5(otherDevice, PASSWORD);
        String victimCommands = "$devices/" + device + "/commands/#";
        assertThrows(Mqtt5SubAckException.class,
                () -> attacker.client().subscribeWith().topicFilter(victimCommands).send());
        String victimEvents = "$devices/" + device + "/events";
        try {
            attacker.client().publishWith().topic(victimEvents).payload("forged".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
        } catch (RuntimeException expected) {
            // IoT Core: a forbidden PUBLISH closes the connection.
        }

        JsonPath log = Eventually.until(() -> deviceLog(otherDevice, ""), l -> l.getList("entries").size() >= 4);

        assertEquals(List.of("DISCONNECTED", "PUBLISH_REFUSED", "SUBSCRIBE_REFUSED", "CONNECTED"),
                log.getList("entries.type"));
        assertEquals(victimEvents, log.getString("entries[1].topic"));
        assertEquals(victimCommands, log.getString("entries[2].topic"));
        assertTrue(log.getString("entries[0].reason").contains("forbidden PUBLISH"), log.getString("entries[0].reason"));
        // The victim's own log stays empty: what the attacker tried is the attacker's entry.
        assertTrue(deviceLog(device, "").getList("entries").isEmpty());
    }

    @Test
    void theRegistryLogHoldsTheRegistryAndItsDevicesNewestFirstPageByPage() {
        MqttClients.v5(registry, PASSWORD).close();
        MqttClients.v5(device, PASSWORD).close();
        MqttClients.v5(otherDevice, PASSWORD).close();
        JsonPath all = Eventually.until(() -> registryLog(""), l -> l.getList("entries").size() >= 6);
        List<String> ids = all.getList("entries.id");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(Long.parseLong(ids.get(i - 1)) > Long.parseLong(ids.get(i)), "newest first: " + ids);
        }
        assertTrue(all.getList("entries.deviceId").contains(device));
        assertTrue(all.getList("entries.deviceId").contains(otherDevice));
        assertTrue(all.getList("entries").stream().anyMatch(e -> ((Map<?, ?>) e).get("deviceId") == null),
                "the registry's own connection is there too");

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            JsonPath page = registryLog("?pageSize=4" + (token == null ? "" : "&pageToken=" + token));
            assertTrue(page.getList("entries").size() <= 4);
            paged.addAll(page.getList("entries.id"));
            token = page.getString("nextPageToken");
        } while (token != null);
        assertEquals(ids, paged);
    }

    @Test
    void aTimeRangeSelectsFromInclusiveToExclusive() {
        MqttClients.v5(device, PASSWORD).close();
        JsonPath all = Eventually.until(() -> deviceLog(device, ""), l -> l.getList("entries").size() >= 2);
        String newest = all.getString("entries[0].time");
        String oldest = all.getString("entries[1].time");

        assertEquals(all.getList("entries.id").subList(0, 1),
                deviceLog(device, "?from=" + newest).getList("entries.id"));
        assertFalse(deviceLog(device, "?to=" + newest).getList("entries.id").contains(all.getString("entries[0].id")));
        assertEquals(all.getList("entries.id").subList(1, 2),
                deviceLog(device, "?from=" + oldest + "&to=" + newest).getList("entries.id").subList(0, 1));
        Api.unchecked(editor).get("/iot-devices/v1/devices/{id}/connectionLog?from=yesterday", device)
                .then().statusCode(400).body("code", equalTo(3)).body("message", containsString("from"));
        Api.as(editor).get("/iot-devices/v1/devices/{id}/connectionLog?from=" + newest + "&to=" + oldest, device)
                .then().statusCode(400).body("message", containsString("to"));
    }

    @Test
    void aBrokerLogHoldsItsClients() {
        String broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
        MqttClients.v5(broker, PASSWORD).close();

        JsonPath log = Eventually.until(() -> Api.as(editor).get("/iot-broker/v1/brokers/{id}/connectionLog", broker)
                .then().statusCode(200).extract().jsonPath(), l -> l.getList("entries").size() >= 2);

        assertEquals(List.of("DISCONNECTED", "CONNECTED"), log.getList("entries.type"));
        assertEquals(broker, log.getString("entries[1].brokerId"));
        assertNull(log.get("entries[1].registryId"));
    }

    @Test
    void aRegistryLoggingFromWarnUpKeepsOnlyTheRefusals() {
        setLogOptions(Map.of("disabled", false, "minLevel", "WARN"));
        try (var client = MqttClients.v5(device, PASSWORD)) {
            assertThrows(Mqtt5SubAckException.class, () -> client.client().subscribeWith()
                    .topicFilter("$devices/" + otherDevice + "/commands").send());
        }

        JsonPath log = Eventually.until(() -> deviceLog(device, ""), l -> !l.getList("entries").isEmpty());

        // CONNECTED was buffered before the refusal, so it would be here by now: INFO is below WARN.
        assertEquals(List.of("SUBSCRIBE_REFUSED"), log.getList("entries.type"));
    }

    @Test
    void aRegistryWithItsLogDisabledWritesNothing() {
        setLogOptions(Map.of("disabled", true, "minLevel", "LEVEL_UNSPECIFIED"));
        MqttClients.v5(device, PASSWORD).close();
        assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5(device, "Wrong-Password-123"));
        // A sentinel: a broker's connection, logged after the device's entries were buffered.
        String broker = Api.newBroker(editor, folder, "sentinel");
        Api.as(editor).body(Map.of("password", PASSWORD)).post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(200);
        MqttClients.v5(broker, PASSWORD).close();
        Eventually.until(() -> Api.as(editor).get("/iot-broker/v1/brokers/{id}/connectionLog", broker)
                .then().statusCode(200).extract().jsonPath(), l -> !l.getList("entries").isEmpty());

        assertTrue(registryLog("").getList("entries").isEmpty(), "nothing logged for a registry that turned it off");
    }

    private void setLogOptions(Map<String, Object> logOptions) {
        Api.as(editor).body(Map.of("updateMask", "logOptions", "logOptions", logOptions))
                .patch("/iot-devices/v1/registries/{id}", registry).then().statusCode(200);
    }

    @Test
    void anotherFolderSeesNoLogAndAnAuditorMayNotReadIt() {
        String stranger = Api.newKey(Api.newFolder(), "iot.editor");
        Api.as(stranger).get("/iot-devices/v1/registries/{id}/connectionLog", registry).then().statusCode(404);
        Api.as(stranger).get("/iot-devices/v1/devices/{id}/connectionLog", device).then().statusCode(404);
        String broker = Api.newBroker(editor, folder, "b2");
        Api.as(stranger).get("/iot-broker/v1/brokers/{id}/connectionLog", broker).then().statusCode(404);

        String auditor = Api.newKey(folder, "iot.auditor");
        Api.as(auditor).get("/iot-devices/v1/devices/{id}/connectionLog", device).then().statusCode(403);
        Api.as(Api.newKey(folder, "iot.viewer")).get("/iot-devices/v1/devices/{id}/connectionLog", device)
                .then().statusCode(200);
    }

    private JsonPath deviceLog(String deviceId, String query) {
        return Api.as(editor).get("/iot-devices/v1/devices/{id}/connectionLog" + query, deviceId)
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath registryLog(String query) {
        return Api.as(editor).get("/iot-devices/v1/registries/{id}/connectionLog" + query, registry)
                .then().statusCode(200).extract().jsonPath();
    }
}
