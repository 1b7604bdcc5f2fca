package io.iotgate.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import io.reactivex.schedulers.Schedulers;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MQTT 3.1.1 clients (HiveMQ) of one scenario run: connected with keep-alive 60 s and a clean session,
 * watched for disconnects nobody asked for, and all disconnected at the end.
 */
final class BenchClients implements AutoCloseable {

    /**
     * Callbacks (received messages, completed publishes) run on the client's own network thread instead of
     * being handed to RxJava's computation threads: a hand-over per message cost the generator tens of
     * thousands of context switches per second at 10,000 msgs/s, a core of two, and ms of its own delay in
     * every latency it measured.
     */
    private static final MqttClientExecutorConfig CALLBACKS_ON_NETWORK_THREAD = MqttClientExecutorConfig.builder()
            .applicationScheduler(Schedulers.from(Runnable::run)).build();

    private final String host;
    private final int port;
    private final List<Mqtt3AsyncClient> clients = new ArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong unexpectedDisconnects = new AtomicLong();
    private final AtomicReference<String> firstCause = new AtomicReference<>();

    BenchClients(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Mqtt3AsyncClient connect(String clientId, Login login) throws Exception {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3()
                .identifier(clientId)
                .serverHost(host)
                .serverPort(port)
                .executorConfig(CALLBACKS_ON_NETWORK_THREAD)
                .addDisconnectedListener(context -> {
                    if (!closing.get()) {
                        unexpectedDisconnects.incrementAndGet();
                        firstCause.compareAndSet(null, clientId + ": " + context.getCause());
                    }
                })
                .buildAsync();
        var connect = client.connectWith().cleanSession(true).keepAlive(60);
        if (!login.anonymous()) {
            connect = connect.simpleAuth().username(login.username())
                    .password(login.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        clients.add(client);
        connect.send().get(30, TimeUnit.SECONDS);
        return client;
    }

    long unexpectedDisconnects() {
        return unexpectedDisconnects.get();
    }

    String firstDisconnectCause() {
        return firstCause.get();
    }

    @Override
    public void close() {
        closing.set(true);
        for (Mqtt3AsyncClient client : clients) {
            if (client.getState().isConnected()) {
                try {
                    client.disconnect().get(10, TimeUnit.SECONDS);
                } catch (Exception alreadyGone) {
                    // the connection ended on its own meanwhile: nothing left to close
                }
            }
        }
    }
}
