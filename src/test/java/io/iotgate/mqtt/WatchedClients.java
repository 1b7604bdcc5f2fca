package io.iotgate.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.iotgate.support.MqttClients;
import io.iotgate.support.TestCertificates;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Real MQTT clients that remember why the server ended their connection, for tests of refusals that close
 * it: an MQTT 5 client learns the DISCONNECT reason code, an MQTT 3.1.1 client only that the socket closed.
 */
final class WatchedClients {

    private static final long WAIT_SECONDS = 5;

    private WatchedClients() {
    }

    /** An MQTT 5 client and the cause of its disconnection, once it happens. */
    record Watched5(Mqtt5BlockingClient client, Mqtt5BlockingClient.Mqtt5Publishes publishes,
                    CompletableFuture<Throwable> disconnected) implements AutoCloseable {

        void publishAndForget(String topic, byte[] payload, MqttQos qos) {
            client.toAsync().publishWith().topic(topic).payload(payload).qos(qos).send();
        }

        void publishAndForget(String topic, String payload) {
            publishAndForget(topic, payload.getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE);
        }

        /** Waits for the server's DISCONNECT and asserts its reason code. */
        void assertDisconnectedWith(Mqtt5DisconnectReasonCode expected) {
            Throwable cause = await(disconnected);
            var disconnect = assertInstanceOf(Mqtt5DisconnectException.class, cause, "the server sends DISCONNECT");
            assertEquals(expected, disconnect.getMqttMessage().getReasonCode());
        }

        @Override
        public void close() {
            disconnectIfConnected(client::disconnect);
        }
    }

    /** An MQTT 3.1.1 client and the cause of its disconnection, once it happens. */
    record Watched3(Mqtt3BlockingClient client, CompletableFuture<Throwable> disconnected) implements AutoCloseable {

        void publishAndForget(String topic, byte[] payload) {
            client.toAsync().publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send();
        }

        /** Waits until the server closes the connection (3.1.1 has no DISCONNECT from the server). */
        void assertClosedByServer() {
            await(disconnected);
        }

        @Override
        public void close() {
            disconnectIfConnected(client::disconnect);
        }
    }

    static Watched5 v5(String username, String password) {
        var disconnected = new CompletableFuture<Throwable>();
        Mqtt5BlockingClient client = MqttClients.tcp5()
                .addDisconnectedListener(context -> disconnected.complete(context.getCause()))
                .buildBlocking();
        var publishes = client.publishes(MqttGlobalPublishFilter.ALL);
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return new Watched5(client, publishes, disconnected);
    }

    /** An MQTT 5 client over TLS that proves itself with a client certificate (and names its broker). */
    static Watched5 v5WithCertificate(String username, TestCertificates.Issued certificate) {
        var disconnected = new CompletableFuture<Throwable>();
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("c-" + UUID.randomUUID())
                .serverHost("localhost").serverPort(MqttClients.port(MqttListeners.Kind.TLS))
                .sslConfig(MqttClients.tls(certificate))
                .addDisconnectedListener(context -> disconnected.complete(context.getCause()))
                .buildBlocking();
        var publishes = client.publishes(MqttGlobalPublishFilter.ALL);
        client.connectWith().simpleAuth().username(username).applySimpleAuth().send();
        return new Watched5(client, publishes, disconnected);
    }

    static Watched3 v3(String username, String password) {
        var disconnected = new CompletableFuture<Throwable>();
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier("t3-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(MqttClients.port(MqttListeners.Kind.TCP))
                .addDisconnectedListener(context -> disconnected.complete(context.getCause()))
                .buildBlocking();
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return new Watched3(client, disconnected);
    }

    /** The server may be closing the connection this very moment: then there is nothing left to disconnect. */
    private static void disconnectIfConnected(Runnable disconnect) {
        try {
            disconnect.run();
        } catch (MqttClientStateException alreadyDisconnected) {
            // closed by the server, as the test expected
        }
    }

    private static Throwable await(CompletableFuture<Throwable> disconnected) {
        try {
            return disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not end the connection within " + WAIT_SECONDS + " s", e);
        }
    }
}
