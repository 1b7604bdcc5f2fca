package io.iotgate.observe;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IoT Core's {@code $monitoring/<deviceId>/json}: written by the service when a device touches it, paced per device. */
@QuarkusTest
class MonitoringFeedTest {

    private static final String PASSWORD = "Monitoring-Feed-Pass-1";

    private String registry;
    private String device;

    @BeforeEach
    void newDevice() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        device = Api.as(editor).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void theRegistrySeesItsDeviceConnect() {
        try (var backend = MqttClients.v5(registry, PASSWORD)) {
            backend.subscribe("$monitoring/" + device + "/json", MqttQos.AT_MOST_ONCE);
            try (var ignored = MqttClients.v5(device, PASSWORD)) {
                Mqtt5Publish report = backend.receive().orElseThrow(() -> new AssertionError("no monitoring message"));
                assertEquals("$monitoring/" + device + "/json", report.getTopic().toString());
                assertEquals(MqttQos.AT_MOST_ONCE, report.getQos());
                JsonObject json = json(report);
                assertEquals(registry, json.getString("registry_id"));
                assertEquals(device, json.getString("device_id"));
                assertEquals("127.0.0.1", json.getString("last_auth_ip"));
                assertNotNull(Instant.parse(json.getString("last_auth_time")));
                assertNotNull(Instant.parse(json.getString("last_online_time")));
                assertTrue(json.containsKey("last_pub_activity_time"));
                assertTrue(json.containsKey("last_sub_activity_time"));
            }
        }
    }

    @Test
    void theDeviceReadsItsOwnFeedUnderItsMeName() {
        try (var sensor = MqttClients.v5(device, PASSWORD)) {
            sensor.subscribe("$me/monitoring/json", MqttQos.AT_MOST_ONCE);
            sensor.publish("$devices/" + device + "/events/t", "21", MqttQos.AT_LEAST_ONCE);
            JsonObject json;
            do {
                Mqtt5Publish report = sensor.receive().orElseThrow(() -> new AssertionError("no monitoring message"));
                assertEquals("$me/monitoring/json", report.getTopic().toString());
                json = json(report);
            } while (json.getString("last_pub_activity_time") == null);
            assertEquals(device, json.getString("device_id"));
            assertNotNull(json.getString("last_sub_activity_time"));
        }
    }

    @Test
    void aBusyDeviceIsReportedAboutOncePerSecondNotOncePerMessage() {
        int messages = 40;
        try (var backend = MqttClients.v5(registry, PASSWORD)) {
            backend.subscribe("$monitoring/" + device + "/json", MqttQos.AT_MOST_ONCE);
            long start = System.currentTimeMillis();
            long beforeLast = 0;
            try (var sensor = MqttClients.v5(device, PASSWORD)) {
                for (int i = 0; i < messages; i++) {
                    beforeLast = System.currentTimeMillis();
                    sensor.publish("$devices/" + device + "/events/t", String.valueOf(i), MqttQos.AT_LEAST_ONCE);
                }
                // Stop at the report that covers the last message: it comes at the latest one interval later.
                int reports = 0;
                JsonObject json;
                do {
                    json = json(backend.receive().orElseThrow(() -> new AssertionError("no monitoring message")));
                    reports++;
                } while (json.getString("last_pub_activity_time") == null
                        || Instant.parse(json.getString("last_pub_activity_time")).toEpochMilli() < beforeLast);
                long seconds = (System.currentTimeMillis() - start) / 1000;
                assertTrue(reports <= seconds + 3, reports + " reports in about " + seconds + " s");
                assertTrue(reports < messages, reports + " reports for " + messages + " messages");
            }
        }
    }

    private static JsonObject json(Mqtt5Publish report) {
        return new JsonObject(new String(report.getPayloadAsBytes(), StandardCharsets.UTF_8));
    }
}
