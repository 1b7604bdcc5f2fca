package io.iotgate.observe;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.iotgate.model.DeviceMonitoringData;
import io.iotgate.store.DeviceMonitoringRepository;
import io.iotgate.support.Api;
import io.iotgate.support.Eventually;
import io.iotgate.support.MqttClients;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A device's monitoringData (deviceView=FULL) follows what it does over MQTT, without waiting for a write. */
@QuarkusTest
class DeviceMonitoringTest {

    private static final String PASSWORD = "Monitoring-Data-Pass-1";

    private String editor;
    private String registry;
    private String device;

    @BeforeEach
    void newDevice() {
        String folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = Api.newRegistry(editor, folder, "r");
        device = Api.as(editor).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void eachKindOfActivitySetsItsTime() {
        assertNull(full().get("monitoringData.lastAuthTime"), "nothing seen before the first connection");
        Instant before = Instant.now().minusSeconds(1);
        try (var client = MqttClients.v5(device, PASSWORD)) {
            JsonPath connected = full();
            assertEquals("127.0.0.1", connected.getString("monitoringData.lastAuthIp"));
            assertAfter(before, connected.getString("monitoringData.lastAuthTime"));
            assertAfter(before, connected.getString("monitoringData.lastOnlineTime"));
            assertNull(connected.get("monitoringData.lastPubActivityTime"));
            assertNull(connected.get("monitoringData.lastSubActivityTime"));

            // The acknowledgement comes after the gateway noted the activity: no waiting needed.
            client.publish("$devices/" + device + "/events/t", "21", MqttQos.AT_LEAST_ONCE);
            assertAfter(before, full().getString("monitoringData.lastPubActivityTime"));
            client.subscribe("$me/device/commands/#", MqttQos.AT_LEAST_ONCE);
            assertAfter(before, full().getString("monitoringData.lastSubActivityTime"));
            assertNull(full().get("monitoringData.lastDisconnectTime"));
        }
        JsonPath disconnected = Eventually.until(this::full, d -> d.get("monitoringData.lastDisconnectTime") != null);
        assertAfter(before, disconnected.getString("monitoringData.lastDisconnectTime"));
    }

    @Test
    void keepAlivePingsKeepTheDeviceOnline() {
        var client = MqttClients.tcp5().buildBlocking();
        client.connectWith().keepAlive(1).simpleAuth().username(device)
                .password(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)).applySimpleAuth().send();
        try {
            JsonPath pinged = Eventually.until(this::full, d -> d.get("monitoringData.lastOnlineTime") != null
                    && Instant.parse(d.getString("monitoringData.lastOnlineTime"))
                    .isAfter(Instant.parse(d.getString("monitoringData.lastAuthTime"))));
            assertNull(pinged.get("monitoringData.lastPubActivityTime"), "no PUBLISH was sent: only pings");
            assertNull(pinged.get("monitoringData.lastSubActivityTime"));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void onlyTheFullViewShowsIt() {
        MqttClients.v5(device, PASSWORD).close();
        assertNotNull(full().get("monitoringData.lastAuthTime"));
        JsonPath basic = Api.as(editor).get("/iot-devices/v1/devices/{id}?deviceView=BASIC", device)
                .then().statusCode(200).extract().jsonPath();
        assertNull(basic.get("monitoringData"));
        JsonPath listed = Api.as(editor).get("/iot-devices/v1/devices?registryId=" + registry + "&deviceView=FULL")
                .then().statusCode(200).extract().jsonPath();
        assertNotNull(listed.get("devices[0].monitoringData.lastAuthTime"));
    }

    @Test
    void theDatabaseCatchesUpSoARestartKeepsIt() {
        try (var client = MqttClients.v5(device, PASSWORD)) {
            client.publish("$devices/" + device + "/events/t", "1", MqttQos.AT_LEAST_ONCE);
        }
        JsonPath shown = Eventually.until(this::full, d -> d.get("monitoringData.lastDisconnectTime") != null);
        // What a restart would read: the devices row, written behind in a batch.
        var repository = Arc.container().instance(DeviceMonitoringRepository.class).get();
        Pool pool = Arc.container().instance(Pool.class).get();
        DeviceMonitoringData stored = Eventually.until(
                () -> pool.withConnection(db -> repository.find(db, device)).await().indefinitely().orElseThrow(),
                data -> data.lastDisconnectTime() != null);
        assertEquals("127.0.0.1", stored.lastAuthIp());
        assertEquals(Instant.parse(shown.getString("monitoringData.lastPubActivityTime")), stored.lastPubActivityTime());
        assertEquals(Instant.parse(shown.getString("monitoringData.lastDisconnectTime")), stored.lastDisconnectTime());
    }

    private JsonPath full() {
        return Api.as(editor).get("/iot-devices/v1/devices/{id}?deviceView=FULL", device)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAfter(Instant before, String time) {
        assertNotNull(time);
        assertTrue(Instant.parse(time).isAfter(before), time + " should be after " + before);
    }
}
