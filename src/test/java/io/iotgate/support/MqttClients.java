package io.iotgate.support;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.iotgate.mqtt.MqttListeners;
import io.quarkus.arc.Arc;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Real MQTT clients (HiveMQ client) against the running gateway's listeners. */
public final class MqttClients {

    private MqttClients() {
    }

    public static int port(MqttListeners.Kind kind) {
        return Arc.container().instance(MqttListeners.class).get().port(kind);
    }

    /** An MQTT 5 client over plain TCP, connected with username and password. */
    public static Connected v5(String username, String password) {
        Mqtt5BlockingClient client = tcp5().buildBlocking();
        var publishes = client.publishes(MqttGlobalPublishFilter.ALL);
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return new Connected(client, publishes);
    }

    public static Mqtt5ClientBuilder tcp5() {
        return MqttClient.builder().useMqttVersion5().identifier("t-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port(MqttListeners.Kind.TCP));
    }

    public static Mqtt3BlockingClient tcp3(String identifier) {
        return MqttClient.builder().useMqttVersion3().identifier(identifier)
                .serverHost("127.0.0.1").serverPort(port(MqttListeners.Kind.TCP)).buildBlocking();
    }

    /** TLS that trusts the gateway's generated CA, presenting the given client certificate (or none). */
    public static MqttClientSslConfig tls(TestCertificates.Issued clientCertificate) {
        try {
            X509Certificate ca;
            try (var in = java.nio.file.Files.newInputStream(dataDir().resolve("tls/ca.pem"))) {
                ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TestCertificates.trustStore(ca));
            var builder = MqttClientSslConfig.builder().trustManagerFactory(trust);
            if (clientCertificate != null) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = "test".toCharArray();
                KeyStore store = TestCertificates.keyStore(clientCertificate, password);
                keys.init(store, password);
                builder.keyManagerFactory(keys);
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path dataDir() {
        return Path.of(System.getProperty(EmbeddedPostgresResource.DATA_DIR_PROPERTY));
    }

    /** A connected client and the queue of everything it receives. */
    public record Connected(Mqtt5BlockingClient client, Mqtt5BlockingClient.Mqtt5Publishes publishes) implements AutoCloseable {

        public void subscribe(String filter, MqttQos qos) {
            client.subscribeWith().topicFilter(filter).qos(qos).send();
        }

        public void publish(String topic, String payload, MqttQos qos) {
            client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).send();
        }

        public Optional<Mqtt5Publish> receive() {
            try {
                return publishes.receive(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        /** The next message's payload as text; fails when none arrives in time. */
        public String nextPayload() {
            return new String(receive().orElseThrow(() -> new AssertionError("no message arrived")).getPayloadAsBytes(),
                    StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }
}
