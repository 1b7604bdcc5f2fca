package io.iotgate.mqtt;

import io.iotgate.support.Api;
import io.iotgate.support.MqttClients;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Eclipse Paho client, as many IoT Core users run it: a device with its certificate over TLS, the
 * registry with a password over secure WebSocket, QoS 2 commands kept for the device while it is away.
 */
@QuarkusTest
class PahoClientTest {

    private static final String PASSWORD = "Paho-Registry-Pass-1";

    private String registry;
    private String device;
    private TestCertificates.Issued deviceCertificate;

    @BeforeEach
    void newRegistryWithCertifiedDevice() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        registry = Api.as(editor).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
        device = Api.as(editor).body(Map.of("registryId", registry, "name", "paho-device"))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        deviceCertificate = TestCertificates.selfSigned("paho-device");
        Api.as(editor).body(Map.of("certificateData", deviceCertificate.pem()))
                .post("/iot-devices/v1/devices/{id}/certificates", device).then().statusCode(200);
    }

    @Test
    void aCertifiedDeviceGetsItsQos2CommandsOnceAfterBeingAway() throws Exception {
        String clientId = "paho-" + UUID.randomUUID();
        var inbox = new LinkedBlockingQueue<MqttMessage>();
        MqttClient deviceClient = deviceOverTls(clientId, inbox);
        deviceClient.subscribe("$devices/" + device + "/commands", 2);
        deviceClient.disconnect();

        MqttClient backend = registryOverWebSocket();
        backend.publish("$devices/" + device + "/commands", "reboot".getBytes(StandardCharsets.UTF_8), 2, false);
        backend.disconnect();

        deviceClient.connect(persistent(deviceSocketFactory()));
        MqttMessage command = inbox.poll(10, TimeUnit.SECONDS);
        assertNotNull(command, "the command kept for the device arrived");
        assertEquals("reboot", new String(command.getPayload(), StandardCharsets.UTF_8));
        assertEquals(2, command.getQos());

        // exactly once: the next thing the device sees is the sentinel, not the command again
        backend = registryOverWebSocket();
        backend.publish("$devices/" + device + "/commands", "sentinel".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("sentinel", new String(inbox.poll(10, TimeUnit.SECONDS).getPayload(), StandardCharsets.UTF_8));
        backend.disconnect();
        deviceClient.disconnect();
    }

    @Test
    void whatTheDeviceReportsReachesTheRegistry() throws Exception {
        var registryInbox = new LinkedBlockingQueue<MqttMessage>();
        MqttClient backend = registryOverWebSocket();
        backend.setCallback(collector(registryInbox));
        backend.subscribe("$devices/+/events", 1);

        MqttClient deviceClient = deviceOverTls("paho-" + UUID.randomUUID(), new LinkedBlockingQueue<>());
        deviceClient.publish("$devices/" + device + "/events", "{\"t\":21.5}".getBytes(StandardCharsets.UTF_8), 1, false);
        MqttMessage event = registryInbox.poll(10, TimeUnit.SECONDS);
        assertNotNull(event);
        assertEquals("{\"t\":21.5}", new String(event.getPayload(), StandardCharsets.UTF_8));
        deviceClient.disconnect();
        backend.disconnect();
    }

    private MqttClient deviceOverTls(String clientId, BlockingQueue<MqttMessage> inbox) throws Exception {
        var client = new MqttClient("ssl://localhost:" + MqttClients.port(MqttListeners.Kind.TLS), clientId,
                new MemoryPersistence());
        client.setCallback(collector(inbox));
        client.connect(persistent(deviceSocketFactory()));
        assertTrue(client.isConnected());
        return client;
    }

    private MqttClient registryOverWebSocket() throws Exception {
        var client = new MqttClient("wss://localhost:" + MqttClients.port(MqttListeners.Kind.WEBSOCKET) + "/mqtt",
                "paho-registry-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(registry);
        options.setPassword(PASSWORD.toCharArray());
        options.setSocketFactory(sslContext(null).getSocketFactory());
        client.connect(options);
        return client;
    }

    private static MqttConnectOptions persistent(javax.net.SocketFactory socketFactory) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setSocketFactory(socketFactory);
        return options;
    }

    private javax.net.SocketFactory deviceSocketFactory() throws Exception {
        return sslContext(deviceCertificate).getSocketFactory();
    }

    /** Trusts the gateway's generated CA; presents the client certificate when one is given. */
    private static SSLContext sslContext(TestCertificates.Issued clientCertificate) throws Exception {
        X509Certificate ca;
        try (var in = Files.newInputStream(MqttClients.dataDir().resolve("tls/ca.pem"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TestCertificates.trustStore(ca));
        KeyManagerFactory keys = null;
        if (clientCertificate != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = "test".toCharArray();
            keys.init(TestCertificates.keyStore(clientCertificate, password), password);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static MqttCallback collector(BlockingQueue<MqttMessage> inbox) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                inbox.add(message);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }
}
