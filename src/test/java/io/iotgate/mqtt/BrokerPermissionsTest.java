package io.iotgate.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Per-credential topic permissions of a broker over real MQTT: a password or certificate limited to some
 * filters can do exactly that, another credential of the same broker stays unrestricted.
 */
@QuarkusTest
class BrokerPermissionsTest {

    private static final String FREE = "Unrestricted-Pass-12";
    private static final String LIMITED = "Limited-Sensor-Pass-34";

    private String editor;
    private String broker;
    private String limitedPasswordId;

    @BeforeEach
    void brokerWithALimitedPassword() {
        String folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        broker = Api.as(editor).body(Map.of("folderId", folder, "name", "b", "password", FREE))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
        limitedPasswordId = Api.as(editor).body(Map.of("password", LIMITED,
                        "permissions", Map.of("publish", List.of("sensors/#"), "subscribe", List.of("alerts/+"))))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(200).extract().path("response.id");
    }

    @Test
    void aLimitedPasswordPublishesWhereAPublishFilterMatchesAndIsClosedElsewhere() {
        try (var everything = MqttClients.v5(broker, FREE); var limited = WatchedClients.v5(broker, LIMITED)) {
            everything.subscribe("#", MqttQos.AT_LEAST_ONCE);
            limited.client().publishWith().topic("sensors/7/temperature").payload("21".getBytes())
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            assertEquals("21", everything.nextPayload());

            limited.publishAndForget("alerts/fire", "forbidden");
            limited.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
            try (var other = MqttClients.v5(broker, FREE)) {
                other.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("sentinel", everything.nextPayload());
        }
    }

    @Test
    void aLimitedPasswordSubscribesOnlyToFiltersASubscribeFilterCovers() {
        try (var limited = MqttClients.v5(broker, LIMITED); var publisher = MqttClients.v5(broker, FREE)) {
            limited.subscribe("alerts/+", MqttQos.AT_LEAST_ONCE);
            for (String wider : List.of("#", "alerts/#", "sensors/1", "+/fire")) {
                var refused = assertThrows(Mqtt5SubAckException.class,
                        () -> limited.client().subscribeWith().topicFilter(wider).send(), wider);
                assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));
            }
            // A narrower filter inside the permission is granted as asked; the session outlived the refusals.
            limited.subscribe("alerts/smoke", MqttQos.AT_LEAST_ONCE);
            publisher.publish("sensors/1", "not for the limited client", MqttQos.AT_LEAST_ONCE);
            publisher.publish("alerts/fire", "fire", MqttQos.AT_LEAST_ONCE);
            assertEquals("fire", limited.nextPayload());
        }
    }

    @Test
    void aSharedSubscriptionIsNoWayAroundThePermissions() {
        try (var limited = MqttClients.v5(broker, LIMITED)) {
            var refused = assertThrows(Mqtt5SubAckException.class,
                    () -> limited.client().subscribeWith().topicFilter("$share/group/#").send());
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));
            limited.subscribe("$share/group/alerts/+", MqttQos.AT_LEAST_ONCE); // inside the permission: granted
        }
    }

    @Test
    void aLimitedPasswordDoesNotInheritTheSessionAnUnrestrictedOneLeft() {
        String clientId = "shared-id-" + java.util.UUID.randomUUID();
        var free = MqttClients.tcp5().identifier(clientId).buildBlocking();
        free.connectWith().cleanStart(false).sessionExpiryInterval(300).simpleAuth().username(broker)
                .password(FREE.getBytes()).applySimpleAuth().send();
        free.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();
        free.disconnect();

        var limited = MqttClients.tcp5().identifier(clientId).buildBlocking();
        try (var publishes = limited.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
             var publisher = MqttClients.v5(broker, FREE)) {
            limited.connectWith().cleanStart(false).sessionExpiryInterval(300).simpleAuth().username(broker)
                    .password(LIMITED.getBytes()).applySimpleAuth().send();
            // the session resumed, but its '#' was judged again under the limited password's permissions
            publisher.publish("secrets/payroll", "not for the limited password", MqttQos.AT_LEAST_ONCE);
            limited.subscribeWith().topicFilter("alerts/+").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.publish("alerts/fire", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", new String(publishes.receive(5, java.util.concurrent.TimeUnit.SECONDS)
                    .orElseThrow().getPayloadAsBytes()));
            limited.disconnect();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anotherPasswordOfTheSameBrokerUsesEveryTopic() {
        try (var free = MqttClients.v5(broker, FREE)) {
            free.subscribe("#", MqttQos.AT_LEAST_ONCE);
            free.publish("alerts/fire", "anything goes", MqttQos.AT_LEAST_ONCE);
            assertEquals("anything goes", free.nextPayload());
        }
    }

    @Test
    void mqtt311ClientsGetTheirProtocolsRefusals() {
        try (var everything = MqttClients.v5(broker, FREE); var limited = WatchedClients.v3(broker, LIMITED)) {
            everything.subscribe("#", MqttQos.AT_LEAST_ONCE);
            var refused = assertThrows(Mqtt3SubAckException.class,
                    () -> limited.client().subscribeWith().topicFilter("#").send());
            assertEquals(Mqtt3SubAckReturnCode.FAILURE, refused.getMqttMessage().getReturnCodes().get(0));

            limited.publishAndForget("alerts/fire", "forbidden".getBytes());
            limited.assertClosedByServer();
            everything.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", everything.nextPayload());
        }
    }

    @Test
    void aCertificateCarriesItsOwnPermissions() {
        var certificate = TestCertificates.selfSigned("broker-client");
        Api.as(editor).body(Map.of("certificateData", certificate.pem(),
                        "permissions", Map.of("publish", List.of("status/+"))))
                .post("/iot-broker/v1/brokers/{id}/certificates", broker).then().statusCode(200);
        try (var everything = MqttClients.v5(broker, FREE);
             var door = WatchedClients.v5WithCertificate(broker, certificate)) {
            everything.subscribe("#", MqttQos.AT_LEAST_ONCE);
            door.client().publishWith().topic("status/door").payload("open".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            assertEquals("open", everything.nextPayload());
            // No subscribe list: the certificate may read nothing.
            var refused = assertThrows(Mqtt5SubAckException.class,
                    () -> door.client().subscribeWith().topicFilter("status/+").send());
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));

            door.publishAndForget("sensors/1", "forbidden");
            door.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
            everything.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", everything.nextPayload());
        }
    }

    @Test
    void whenACertificateAndAPasswordAreBothSentThePasswordsPermissionsHold() {
        var certificate = TestCertificates.selfSigned("read-only");
        Api.as(editor).body(Map.of("certificateData", certificate.pem(),
                        "permissions", Map.of("subscribe", List.of("#"))))
                .post("/iot-broker/v1/brokers/{id}/certificates", broker).then().statusCode(200);
        var both = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5().identifier("both")
                .serverHost("localhost").serverPort(MqttClients.port(MqttListeners.Kind.TLS))
                .sslConfig(MqttClients.tls(certificate)).buildBlocking();
        var received = both.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
        both.connectWith().simpleAuth().username(broker).password(LIMITED.getBytes()).applySimpleAuth().send();
        try {
            // The limited password's subscribe filter, not the certificate's '#'.
            var refused = assertThrows(Mqtt5SubAckException.class, () -> both.subscribeWith().topicFilter("#").send());
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCodes().get(0));
            both.subscribeWith().topicFilter("alerts/+").qos(MqttQos.AT_LEAST_ONCE).send();
            // The password's publish filter, which the certificate (no publish list) lacks.
            both.publishWith().topic("sensors/1").payload("mine".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            try (var free = MqttClients.v5(broker, FREE)) {
                free.publish("alerts/fire", "fire", MqttQos.AT_LEAST_ONCE);
            }
            assertEquals("fire", new String(received.receive(5, java.util.concurrent.TimeUnit.SECONDS)
                    .orElseThrow().getPayloadAsBytes()));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            both.disconnect();
        }
    }

    @Test
    void changedPermissionsEndTheSessionsOfThatPasswordAndHoldFromTheNextConnect() {
        try (var everything = MqttClients.v5(broker, FREE); var before = WatchedClients.v5(broker, LIMITED)) {
            everything.subscribe("#", MqttQos.AT_LEAST_ONCE);
            Api.as(editor).body(Map.of("updateMask", "permissions",
                            "permissions", Map.of("publish", List.of("alerts/#"))))
                    .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, limitedPasswordId)
                    .then().statusCode(200);
            before.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);

            // The same password again: the cached check must come with the new permissions, not the old.
            try (var after = WatchedClients.v5(broker, LIMITED)) {
                after.client().publishWith().topic("alerts/fire").payload("now allowed".getBytes())
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                assertEquals("now allowed", everything.nextPayload());
                after.publishAndForget("sensors/1", "no longer allowed");
                after.assertDisconnectedWith(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
            }
            // The other password's session went on all along.
            everything.publish("sentinel", "sentinel", MqttQos.AT_LEAST_ONCE);
            assertEquals("sentinel", everything.nextPayload());
        }
    }

    @Test
    void liftedPermissionsGiveBackEveryTopic() {
        Api.as(editor).body(Map.of("updateMask", "permissions"))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, limitedPasswordId).then().statusCode(200);
        try (var formerlyLimited = MqttClients.v5(broker, LIMITED)) {
            formerlyLimited.subscribe("#", MqttQos.AT_LEAST_ONCE);
            formerlyLimited.publish("alerts/fire", "free again", MqttQos.AT_LEAST_ONCE);
            assertEquals("free again", formerlyLimited.nextPayload());
        }
    }
}
