package io.iotgate.boot;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.iotgate.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart of the packaged service loses nothing that was meant to be kept: a broker's retained messages
 * and a registry's permanent (state, config) messages greet new subscriptions after it.
 */
class ServiceRestartIT {

    private static final String PASSWORD = "Restart-Client-Pass-1";

    @Test
    void retainedAndPermanentMessagesAreReplayedAfterARestart(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir) throws Exception {
        String broker;
        String registry;
        String device;
        try (var service = ServiceProcess.start(dataDir)) {
            String admin = service.adminKey();
            String folder = service.api(admin).body(Map.of("name", "restart"))
                    .post("/iotgate/v1/folders").then().statusCode(200).extract().path("response.id");
            broker = service.api(admin).body(Map.of("folderId", folder, "name", "b", "password", PASSWORD))
                    .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
            registry = service.api(admin).body(Map.of("folderId", folder, "name", "r", "password", PASSWORD))
                    .post("/iot-devices/v1/registries").then().statusCode(200).extract().path("response.id");
            device = service.api(admin).body(Map.of("registryId", registry, "name", "d", "password", PASSWORD))
                    .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");

            Mqtt5BlockingClient brokerClient = connect(service, broker);
            brokerClient.publishWith().topic("status/door").payload("open".getBytes()).retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(86_400).contentType("text/plain")
                    .userProperties().add("sensor", "hall").applyUserProperties().send();
            brokerClient.publishWith().topic("status/flash").payload("gone soon".getBytes()).retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(1).send();
            brokerClient.disconnect();
            Mqtt5BlockingClient deviceClient = connect(service, device);
            deviceClient.publishWith().topic("$devices/" + device + "/state").payload("online".getBytes())
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            deviceClient.disconnect();
        }

        try (var service = ServiceProcess.start(dataDir)) {
            List<Mqtt5Publish> kept = keptInBroker(service, broker);
            assertEquals(List.of("status/door"), kept.stream().map(p -> p.getTopic().toString()).toList(),
                    "the message whose one-second expiry passed during the restart is not replayed");
            Mqtt5Publish door = kept.get(0);
            assertEquals("open", new String(door.getPayloadAsBytes(), StandardCharsets.UTF_8));
            assertEquals("text/plain", door.getContentType().orElseThrow().toString());
            assertEquals("sensor=hall", door.getUserProperties().asList().get(0).getName() + "="
                    + door.getUserProperties().asList().get(0).getValue());
            long left = door.getMessageExpiryInterval().orElseThrow();
            assertTrue(left < 86_400 && left > 86_000, "the expiry kept counting across the restart: " + left);
            assertEquals("online", firstKept(service, registry, "$devices/+/state"));
        }
    }

    /** The retained messages a new subscription to {@code status/#} gets, up to a sentinel published after it. */
    private static List<Mqtt5Publish> keptInBroker(ServiceProcess service, String broker) throws InterruptedException {
        Mqtt5BlockingClient client = connect(service, broker);
        List<Mqtt5Publish> kept = new ArrayList<>();
        try (var publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter("status/#").qos(MqttQos.AT_LEAST_ONCE).send();
            client.publishWith().topic("status/sentinel").payload("end".getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            for (Mqtt5Publish next = receive(publishes); !next.getTopic().toString().equals("status/sentinel");
                 next = receive(publishes)) {
                kept.add(next);
            }
            client.disconnect();
        }
        return kept;
    }

    private static Mqtt5Publish receive(Mqtt5BlockingClient.Mqtt5Publishes publishes) throws InterruptedException {
        return publishes.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("the sentinel never came"));
    }

    private static String firstKept(ServiceProcess service, String username, String filter) throws InterruptedException {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("it-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(service.tcpPort()).buildBlocking();
        try (var publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.connectWith().simpleAuth().username(username).password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().send();
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5Publish kept = publishes.receive(10, TimeUnit.SECONDS)
                    .orElseThrow(() -> new AssertionError("nothing kept for " + filter + " after the restart"));
            assertTrue(kept.isRetain());
            client.disconnect();
            return new String(kept.getPayloadAsBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Mqtt5BlockingClient connect(ServiceProcess service, String username) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("it-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(service.tcpPort()).buildBlocking();
        client.connectWith().simpleAuth().username(username).password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return client;
    }
}
