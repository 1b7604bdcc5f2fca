package io.iotgate.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions that outlive a connection: what a client subscribed to and what it missed while away is there
 * when it comes back, for MQTT 3.1.1 (clean session 0) and MQTT 5 (session expiry), bounded, and gone
 * when the client asks for a clean start or the session expires.
 */
@QuarkusTest
class PersistentSessionTest {

    private static final String PASSWORD = "Session-Client-Pass-1";

    private String broker;

    @BeforeEach
    void newBroker() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void anMqtt5ClientGetsWhatItMissedWhenItResumesItsSession() {
        String id = "sensor-" + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(id);
        assertFalse(connect(subscriber, false).isSessionPresent());
        subscriber.subscribeWith().topicFilter("plant/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();

        try (var publisher = MqttClients.v5(broker, PASSWORD)) {
            for (int i = 1; i <= 3; i++) {
                publisher.publish("plant/line/" + i, "m" + i, MqttQos.AT_LEAST_ONCE);
            }
        }

        Mqtt5BlockingClient back = client(id);
        try (var publishes = back.publishes(MqttGlobalPublishFilter.ALL)) {
            assertTrue(connect(back, false).isSessionPresent());
            // no new SUBSCRIBE: the session kept the subscription and the messages, in order
            assertEquals(List.of("m1", "m2", "m3"), payloads(publishes, 3));
            back.disconnect();
        }
    }

    @Test
    void anMqtt311ClientWithoutCleanSessionResumesToo() {
        String id = "legacy-" + UUID.randomUUID();
        var subscriber = MqttClients.tcp3(id);
        Mqtt3ConnAck first = subscriber.connectWith().cleanSession(false).simpleAuth().username(broker)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        assertFalse(first.isSessionPresent());
        subscriber.subscribeWith().topicFilter("alarms/+").qos(MqttQos.EXACTLY_ONCE).send();
        subscriber.disconnect();

        try (var publisher = MqttClients.v5(broker, PASSWORD)) {
            publisher.publish("alarms/fire", "fire", MqttQos.EXACTLY_ONCE);
            publisher.publish("alarms/flood", "flood", MqttQos.AT_LEAST_ONCE);
        }

        var back = MqttClients.tcp3(id);
        try (var publishes = back.publishes(MqttGlobalPublishFilter.ALL)) {
            Mqtt3ConnAck again = back.connectWith().cleanSession(false).simpleAuth().username(broker)
                    .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            assertTrue(again.isSessionPresent());
            var fire = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
            var flood = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals("fire", new String(fire.getPayloadAsBytes(), StandardCharsets.UTF_8));
            assertEquals(MqttQos.EXACTLY_ONCE, fire.getQos());
            assertEquals("flood", new String(flood.getPayloadAsBytes(), StandardCharsets.UTF_8));
            back.disconnect();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCleanStartDiscardsTheOldSession() {
        String id = "restart-" + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(id);
        connect(subscriber, false);
        subscriber.subscribeWith().topicFilter("old/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();
        try (var publisher = MqttClients.v5(broker, PASSWORD)) {
            publisher.publish("old/news", "stale", MqttQos.AT_LEAST_ONCE);
        }

        Mqtt5BlockingClient fresh = client(id);
        try (var publishes = fresh.publishes(MqttGlobalPublishFilter.ALL)) {
            assertFalse(connect(fresh, true).isSessionPresent());
            fresh.subscribeWith().topicFilter("sentinel").qos(MqttQos.AT_LEAST_ONCE).send();
            try (var publisher = MqttClients.v5(broker, PASSWORD)) {
                publisher.publish("old/news", "after the clean start", MqttQos.AT_LEAST_ONCE);
                publisher.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            }
            // neither the queued message nor the old subscription survived: the sentinel comes first
            assertEquals(List.of("sentinel"), payloads(publishes, 1));
            fresh.disconnect();
        }
    }

    @Test
    void aSessionEndsWhenItsExpiryPassesWithoutTheClient() throws InterruptedException {
        String id = "brief-" + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(id);
        connect(subscriber, false, 1);
        subscriber.subscribeWith().topicFilter("brief/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();
        Thread.sleep(2_500); // the behaviour under test is the passing of the one-second expiry

        Mqtt5BlockingClient back = client(id);
        assertFalse(connect(back, false, 1).isSessionPresent());
        back.disconnect();
    }

    @Test
    void aFullQueueDropsQos0FirstAndCountsEveryDrop() {
        String id = "slow-" + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(id);
        connect(subscriber, false);
        subscriber.subscribeWith().topicFilter("flood/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.disconnect();
        double droppedBefore = dropped(0) + dropped(1);

        int queueSize = 1000; // iotgate.sessions.max-queued default
        try (var publisher = MqttClients.v5(broker, PASSWORD)) {
            for (int i = 0; i < 5; i++) {
                publisher.publish("flood/qos0", "q0-" + i, MqttQos.AT_MOST_ONCE);
            }
            for (int i = 0; i < queueSize + 3; i++) {
                publisher.publish("flood/qos1", "q1-" + i, MqttQos.AT_LEAST_ONCE);
            }
        }

        Mqtt5BlockingClient back = client(id);
        try (var publishes = back.publishes(MqttGlobalPublishFilter.ALL)) {
            connect(back, false);
            List<String> received = payloads(publishes, queueSize);
            // the five QoS 0 messages gave way to QoS 1 ones, then the last three QoS 1 found no room
            assertEquals("q1-0", received.get(0));
            assertEquals("q1-" + (queueSize - 1), received.get(queueSize - 1));
            assertTrue(received.stream().noneMatch(p -> p.startsWith("q0-")));
            back.disconnect();
        }
        assertEquals(droppedBefore + 8, dropped(0) + dropped(1));
    }

    @Test
    void anUnacknowledgedMessageIsSentAgainAfterReconnecting() throws InterruptedException {
        String id = "forgetful-" + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(id);
        try (var publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL, true)) { // manual acknowledgement
            connect(subscriber, false);
            subscriber.subscribeWith().topicFilter("orders/#").qos(MqttQos.AT_LEAST_ONCE).send();
            try (var publisher = MqttClients.v5(broker, PASSWORD)) {
                publisher.publish("orders/1", "order 1", MqttQos.AT_LEAST_ONCE);
            }
            Mqtt5Publish first = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals("order 1", new String(first.getPayloadAsBytes(), StandardCharsets.UTF_8));
            subscriber.disconnect(); // without acknowledging it
        }
        Mqtt5BlockingClient back = client(id);
        try (var publishes = back.publishes(MqttGlobalPublishFilter.ALL)) {
            assertTrue(connect(back, false).isSessionPresent());
            assertEquals(List.of("order 1"), payloads(publishes, 1));
            back.disconnect();
        }
    }

    @Test
    void aTakeOverWithTheSameClientIdKeepsTheSession() {
        String id = "twin-" + UUID.randomUUID();
        Mqtt5BlockingClient first = client(id);
        connect(first, false);
        first.subscribeWith().topicFilter("twin/#").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient second = client(id);
        try (var publishes = second.publishes(MqttGlobalPublishFilter.ALL)) {
            assertTrue(connect(second, false).isSessionPresent());
            try (var publisher = MqttClients.v5(broker, PASSWORD)) {
                publisher.publish("twin/a", "for the newer connection", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals(List.of("for the newer connection"), payloads(publishes, 1));
            second.disconnect();
        }
    }

    private Mqtt5BlockingClient client(String id) {
        return MqttClients.tcp5().identifier(id).buildBlocking();
    }

    private Mqtt5ConnAck connect(Mqtt5BlockingClient client, boolean cleanStart) {
        return connect(client, cleanStart, 300);
    }

    private Mqtt5ConnAck connect(Mqtt5BlockingClient client, boolean cleanStart, long expirySeconds) {
        return client.connectWith().cleanStart(cleanStart).sessionExpiryInterval(expirySeconds)
                .simpleAuth().username(broker).password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send();
    }

    static List<String> payloads(Mqtt5BlockingClient.Mqtt5Publishes publishes, int count) {
        List<String> received = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                received.add(new String(publishes.receive(5, TimeUnit.SECONDS)
                        .orElseThrow(() -> new AssertionError("only " + received.size() + " messages arrived: " + received))
                        .getPayloadAsBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return received;
    }

    private double dropped(int qos) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("iotgate_messages_dropped_total\\{([^}]*)} ([0-9.Ee+]+)").matcher(metrics);
        double total = 0;
        while (line.find()) {
            if (line.group(1).contains("namespace_id=\"" + broker + "\"") && line.group(1).contains("qos=\"" + qos + "\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }
}
