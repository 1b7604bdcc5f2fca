package io.iotgate.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker model over real MQTT connections: free topics shared by a broker's clients, and nothing else. */
@QuarkusTest
class BrokerMessagingTest {

    private static final String PASSWORD = "Broker-Client-Pass-1";

    private String broker;

    @BeforeEach
    void newBroker() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
    }

    @ParameterizedTest
    @EnumSource(value = MqttQos.class)
    void aBrokersClientsExchangeMessagesAtEveryQos(MqttQos qos) {
        try (var subscriber = MqttClients.v5(broker, PASSWORD); var publisher = MqttClients.v5(broker, PASSWORD)) {
            subscriber.subscribe("plant/+/temperature", qos);
            publisher.publish("plant/7/temperature", "21.5", qos);
            var received = subscriber.receive().orElseThrow();
            assertEquals("plant/7/temperature", received.getTopic().toString());
            assertEquals("21.5", new String(received.getPayloadAsBytes()));
            assertEquals(qos, received.getQos());
        }
    }

    @Test
    void aRetainedMessageGreetsEveryNewSubscription() {
        try (var publisher = MqttClients.v5(broker, PASSWORD)) {
            publisher.client().publishWith().topic("status/door").payload("open".getBytes()).retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).send();
        }
        try (var late = MqttClients.v5(broker, PASSWORD)) {
            late.subscribe("status/#", MqttQos.AT_LEAST_ONCE);
            var received = late.receive().orElseThrow();
            assertEquals("open", new String(received.getPayloadAsBytes()));
            assertTrue(received.isRetain());
        }
    }

    @Test
    void anotherBrokersClientsSeeNothing() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String otherBroker = Api.as(editor).body(Map.of("folderId", folder, "name", "other", "password", PASSWORD))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
        try (var outsider = MqttClients.v5(otherBroker, PASSWORD); var insider = MqttClients.v5(broker, PASSWORD);
             var publisher = MqttClients.v5(broker, PASSWORD)) {
            outsider.subscribe("#", MqttQos.AT_LEAST_ONCE);
            insider.subscribe("#", MqttQos.AT_LEAST_ONCE);
            publisher.publish("secret", "for insiders", MqttQos.AT_LEAST_ONCE);
            assertEquals("for insiders", insider.nextPayload());
            // The sentinel is published in the outsider's own broker after the secret: it must be the first thing it sees.
            try (var sentinel = MqttClients.v5(otherBroker, PASSWORD)) {
                sentinel.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("sentinel", outsider.nextPayload());
        }
    }

    @Test
    void dollarTopicsAreNotPartOfABroker() {
        try (var client = MqttClients.v5(broker, PASSWORD)) {
            var refused = assertThrows(com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException.class,
                    () -> client.client().subscribeWith().topicFilter("$devices/x/events").send());
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));
            // The session stays after a refused filter.
            client.subscribe("ok/#", MqttQos.AT_MOST_ONCE);
            client.publish("ok/1", "still here", MqttQos.AT_LEAST_ONCE);
            assertEquals("still here", client.nextPayload());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithTheMqtt5Code() {
        var failure = assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5(broker, "Wrong-Password-123"));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, failure.getMqttMessage().getReasonCode());
        var unknown = assertThrows(Mqtt5ConnAckException.class, () -> MqttClients.v5("arb00000000000000000", PASSWORD));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, unknown.getMqttMessage().getReasonCode());
    }

    @Test
    void secureWebSocketClientsShareTheBrokerWithTcpClients() {
        var webSocket = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5().identifier("ws-client")
                .serverHost("localhost").serverPort(MqttClients.port(MqttListeners.Kind.WEBSOCKET))
                .sslConfig(MqttClients.tls(null))
                .webSocketConfig().serverPath("mqtt").subprotocol("mqtt").applyWebSocketConfig()
                .buildBlocking();
        var received = webSocket.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
        webSocket.connectWith().simpleAuth().username(broker).password(PASSWORD.getBytes()).applySimpleAuth().send();
        try (var tcp = MqttClients.v5(broker, PASSWORD)) {
            webSocket.subscribeWith().topicFilter("ws/#").qos(MqttQos.AT_LEAST_ONCE).send();
            tcp.publish("ws/hello", "over websocket", MqttQos.AT_LEAST_ONCE);
            var message = received.receive(5, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
            assertEquals("over websocket", new String(message.getPayloadAsBytes()));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            webSocket.disconnect();
        }
    }
}
