package io.iotgate.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Per-folder limits over real MQTT: a folder's own limits hold for its brokers and registries, while a folder
 * left at the defaults is not touched by them.
 */
@QuarkusTest
class FolderLimitsMessagingTest {

    private static final String PASSWORD = "Folder-Limits-Pass-1";
    private static final byte[] TWO_KIB = filled(2048);

    /** A broker in a new folder whose limits are set first (as an administrator); null: the defaults. */
    private static String brokerInFolderWith(Map<String, Object> limits) {
        String folder = Api.newFolder();
        if (limits != null) {
            Map<String, Object> body = new HashMap<>(limits);
            body.put("updateMask", String.join(",", limits.keySet()));
            Api.as(Api.adminKey()).body(body).patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200);
        }
        return Api.as(Api.newKey(folder, "iot.editor")).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
    }

    @Test
    void aPayloadOverTheFoldersLimitEndsTheMqtt5ConnectionWithPacketTooLarge() {
        String broker = brokerInFolderWith(Map.of("payloadBytes", 1024));
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var publisher = WatchedClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("#", MqttQos.AT_LEAST_ONCE);
            publisher.client().publishWith().topic("small").payload(filled(1024)).qos(MqttQos.AT_LEAST_ONCE).send();
            assertEquals(1024, subscriber.receive().orElseThrow().getPayloadAsBytes().length);

            publisher.publishAndForget("big", TWO_KIB, MqttQos.AT_LEAST_ONCE);
            publisher.assertDisconnectedWith(Mqtt5DisconnectReasonCode.PACKET_TOO_LARGE);
            subscriber.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", subscriber.nextPayload());
        }
    }

    @Test
    void aPayloadOverTheFoldersLimitClosesAnMqtt311Connection() {
        String broker = brokerInFolderWith(Map.of("payloadBytes", 1024));
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var publisher = WatchedClients.v3(broker, PASSWORD)) {
            subscriber.subscribe("#", MqttQos.AT_LEAST_ONCE);
            publisher.publishAndForget("big", TWO_KIB);
            publisher.assertClosedByServer();
            subscriber.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", subscriber.nextPayload());
        }
    }

    @Test
    void theSamePayloadPassesInAFolderWithTheDefaults() {
        String broker = brokerInFolderWith(null);
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var publisher = MqttClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("#", MqttQos.AT_LEAST_ONCE);
            publisher.client().publishWith().topic("big").payload(TWO_KIB).qos(MqttQos.AT_LEAST_ONCE).send();
            assertArrayEquals(TWO_KIB, subscriber.receive().orElseThrow().getPayloadAsBytes());
        }
    }

    @Test
    void aSessionHoldsNoMoreFiltersThanTheFolderAllows() {
        String broker = brokerInFolderWith(Map.of("subscriptionsPerSession", 2));
        try (var client = MqttClients.v5(broker, PASSWORD); var publisher = MqttClients.v5(broker, PASSWORD)) {
            client.subscribe("a/#", MqttQos.AT_LEAST_ONCE);
            client.subscribe("b/#", MqttQos.AT_LEAST_ONCE);
            var refused = assertThrows(Mqtt5SubAckException.class,
                    () -> client.client().subscribeWith().topicFilter("c/#").send());
            assertEquals(Mqtt5SubAckReasonCode.QUOTA_EXCEEDED, refused.getMqttMessage().getReasonCodes().get(0));
            // Subscribing again to a held filter replaces it [MQTT-3.8.4-3]; it is not one more.
            client.subscribe("a/#", MqttQos.AT_MOST_ONCE);
            publisher.publish("c/1", "refused filter", MqttQos.AT_LEAST_ONCE);
            publisher.publish("b/1", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", client.nextPayload());

            client.client().unsubscribeWith().topicFilter("a/#").send();
            client.subscribe("c/#", MqttQos.AT_LEAST_ONCE);
            publisher.publish("c/2", "room again", MqttQos.AT_LEAST_ONCE);
            assertEquals("room again", client.nextPayload());
        }
        try (var v3 = WatchedClients.v3(broker, PASSWORD)) {
            v3.client().subscribeWith().topicFilter("a/#").send();
            v3.client().subscribeWith().topicFilter("b/#").send();
            var refused = assertThrows(Mqtt3SubAckException.class,
                    () -> v3.client().subscribeWith().topicFilter("c/#").send());
            assertEquals(Mqtt3SubAckReturnCode.FAILURE, refused.getMqttMessage().getReturnCodes().get(0));
        }
    }

    @Test
    void topicsLongerThanTheFoldersLimitAreRefusedLikeInvalidOnes() {
        String broker = brokerInFolderWith(Map.of("topicLength", 16));
        String sixteen = "abcdefghij/12345";
        String seventeen = sixteen + "6";
        try (var client = MqttClients.v5(broker, PASSWORD); var publisher = WatchedClients.v5(broker, PASSWORD)) {
            var refused = assertThrows(Mqtt5SubAckException.class,
                    () -> client.client().subscribeWith().topicFilter(seventeen).send());
            assertEquals(Mqtt5SubAckReasonCode.TOPIC_FILTER_INVALID, refused.getMqttMessage().getReasonCodes().get(0));
            client.subscribe("#", MqttQos.AT_LEAST_ONCE);
            publisher.client().publishWith().topic(sixteen).payload("fits".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            assertEquals("fits", client.nextPayload());

            publisher.publishAndForget(seventeen, "too long");
            publisher.assertDisconnectedWith(Mqtt5DisconnectReasonCode.TOPIC_NAME_INVALID);
            client.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", client.nextPayload());
        }
    }

    @Test
    void publishingFasterThanTheFoldersRateEndsTheConnection() {
        // One PUBLISH a second after a burst of two: the third at once is one too many.
        String broker = brokerInFolderWith(Map.of("publishRate", 1, "publishBurst", 2));
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var fast = WatchedClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("#", MqttQos.AT_LEAST_ONCE);
            fast.client().publishWith().topic("m").payload("1".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            fast.client().publishWith().topic("m").payload("2".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            fast.publishAndForget("m", "3");
            fast.assertDisconnectedWith(Mqtt5DisconnectReasonCode.MESSAGE_RATE_TOO_HIGH);
            assertEquals("1", subscriber.nextPayload());
            assertEquals("2", subscriber.nextPayload());
            subscriber.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", subscriber.nextPayload());
        }
        try (var fast = WatchedClients.v3(broker, PASSWORD)) {
            for (int i = 0; i < 3; i++) {
                fast.publishAndForget("m", "fast".getBytes());
            }
            fast.assertClosedByServer();
        }
    }

    @Test
    void withoutARateAFolderPublishesAsFastAsItLikes() {
        String broker = brokerInFolderWith(Map.of("publishBurst", 1));
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var fast = MqttClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("#", MqttQos.AT_LEAST_ONCE);
            for (int i = 0; i < 20; i++) {
                fast.publish("m", "m" + i, MqttQos.AT_LEAST_ONCE);
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("m" + i, subscriber.nextPayload());
            }
        }
    }

    @Test
    void aRegistrysDevicesLiveWithinTheirFoldersLimitsToo() {
        String folder = Api.newFolder();
        Api.as(Api.adminKey()).body(Map.of("updateMask", "payloadBytes", "payloadBytes", 1024))
                .patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200);
        String editor = Api.newKey(folder, "iot.editor");
        String registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        String device = Api.as(editor).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        try (var backend = MqttClients.v5(registry, PASSWORD); var sensor = WatchedClients.v5(device, PASSWORD)) {
            backend.subscribe("$devices/+/events/#", MqttQos.AT_LEAST_ONCE);
            sensor.publishAndForget("$devices/" + device + "/events/big", TWO_KIB, MqttQos.AT_LEAST_ONCE);
            sensor.assertDisconnectedWith(Mqtt5DisconnectReasonCode.PACKET_TOO_LARGE);
            try (var again = MqttClients.v5(device, PASSWORD)) {
                again.publish("$devices/" + device + "/events/sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("sentinel", backend.nextPayload());
        }
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
