package io.iotgate.observe;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import io.iotgate.support.Api;
import io.iotgate.support.Eventually;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Prometheus series per registry and broker at {@code /q/metrics}, after real traffic. */
@QuarkusTest
class GatewayMetricsTest {

    private static final String PASSWORD = "Gateway-Metrics-Pass-1";

    private String folder;
    private String editor;

    @BeforeEach
    void newFolder() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
    }

    @Test
    void aRegistryCountsItsConnectionsMessagesBytesAndRefusals() {
        String registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        String device = Api.as(editor).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        Map<String, String> ofRegistry = Map.of("namespace_kind", "registry", "namespace_id", registry);

        try (var backend = MqttClients.v5(registry, PASSWORD); var sensor = MqttClients.v5(device, PASSWORD)) {
            backend.subscribe("$devices/" + device + "/events/#", MqttQos.AT_LEAST_ONCE);
            for (int i = 0; i < 3; i++) {
                sensor.publish("$devices/" + device + "/events/t", "0123456789", MqttQos.AT_LEAST_ONCE);
                backend.nextPayload();
            }
            assertThrows(Mqtt5SubAckException.class,
                    () -> sensor.client().subscribeWith().topicFilter("$devices/" + registry + "x/commands").send());

            String metrics = metrics();
            assertEquals(2, value(metrics, "iotgate_connections_active", ofRegistry));
            assertEquals(2, value(metrics, "iotgate_connections_total", ofRegistry));
            assertEquals(3, value(metrics, "iotgate_messages_received_total", ofRegistry));
            assertEquals(30, value(metrics, "iotgate_bytes_received_total", ofRegistry));
            assertEquals(3, value(metrics, "iotgate_messages_sent_total", ofRegistry));
            assertEquals(30, value(metrics, "iotgate_bytes_sent_total", ofRegistry));
            assertEquals(1, value(metrics, "iotgate_refusals_total", with(ofRegistry, "type", "subscribe")));
            assertEquals(0, value(metrics, "iotgate_refusals_total", with(ofRegistry, "type", "publish")));
        }
        assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5(device, "Wrong-Password-123"));
        // Refused CONNECTs count under the resource they named once the connection log has resolved it.
        Eventually.until(GatewayMetricsTest::metrics,
                m -> value(m, "iotgate_refusals_total", with(ofRegistry, "type", "connect")) == 1);
        Eventually.until(GatewayMetricsTest::metrics, m -> value(m, "iotgate_connections_active", ofRegistry) == 0);
    }

    @Test
    void aBrokerHasSeriesOfItsOwn() {
        String broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
        Map<String, String> ofBroker = Map.of("namespace_kind", "broker", "namespace_id", broker);
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var publisher = MqttClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("room/#", MqttQos.AT_LEAST_ONCE);
            publisher.publish("room/1", "hello", MqttQos.AT_LEAST_ONCE);
            subscriber.nextPayload();

            String metrics = metrics();
            assertEquals(2, value(metrics, "iotgate_connections_active", ofBroker));
            assertEquals(1, value(metrics, "iotgate_messages_received_total", ofBroker));
            assertEquals(5, value(metrics, "iotgate_bytes_received_total", ofBroker));
            assertEquals(1, value(metrics, "iotgate_messages_sent_total", ofBroker));
            assertEquals(0, value(metrics, "iotgate_messages_dropped_total", with(ofBroker, "qos", "1")));
        }
    }

    private static String metrics() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        var more = new java.util.HashMap<>(labels);
        more.put(key, value);
        return more;
    }

    /** The value of the one series of {@code name} that carries all {@code labels}; fails if there is none. */
    private static double value(String metrics, String name, Map<String, String> labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one series of " + name + " with " + labels);
                })
                .orElseThrow(() -> new AssertionError("no series " + name + " with " + labels + " in\n" + metrics));
    }
}
