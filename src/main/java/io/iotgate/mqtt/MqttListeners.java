package io.iotgate.mqtt;

import io.iotgate.identity.GeneratedTlsMaterial;
import io.iotgate.config.MqttConfig;
import io.iotgate.config.StorageConfig;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the MQTT listeners once the service is ready: TLS (client certificate requested, not required;
 * self-signed accepted, since the registered certificate itself is the identity), secure WebSocket on
 * {@code /mqtt}, and plain TCP when enabled.
 */
@ApplicationScoped
public class MqttListeners {

    private static final Logger LOG = Logger.getLogger(MqttListeners.class);

    public enum Kind { TLS, WEBSOCKET, TCP }

    private final Vertx vertx;
    private final MqttConfig config;
    private final StorageConfig storage;
    private final ConnectFlow connectFlow;
    private final List<ListenerVerticle> deployments = new ArrayList<>();
    private final Map<Kind, Integer> ports = new ConcurrentHashMap<>();

    MqttListeners(Vertx vertx, MqttConfig config, StorageConfig storage, ConnectFlow connectFlow) {
        this.vertx = vertx;
        this.config = config;
        this.storage = storage;
        this.connectFlow = connectFlow;
    }

    void start(@Observes @Priority(3000) StartupEvent event) {
        PemKeyCertOptions serverIdentity = tlsIdentity();
        if (config.tls().enabled()) {
            open(Kind.TLS, secured(base(config.tls().port()), serverIdentity));
        }
        if (config.websocket().enabled()) {
            open(Kind.WEBSOCKET, secured(base(config.websocket().port()), serverIdentity).setUseWebSocket(true));
        }
        if (config.tcp().enabled()) {
            open(Kind.TCP, base(config.tcp().port()));
        }
    }

    /** The port a listener is bound to (tests ask for port 0 and read the real one here). */
    public int port(Kind kind) {
        Integer port = ports.get(kind);
        if (port == null) {
            throw new IllegalStateException(kind + " listener is not running");
        }
        return port;
    }

    private MqttServerOptions base(int port) {
        return new MqttServerOptions()
                .setHost(config.host())
                .setPort(port)
                .setMaxMessageSize(config.maxPacketBytes())
                .setMaxClientIdLength(config.maxClientIdLength())
                .setTimeoutOnConnect((int) config.connectTimeout().toSeconds());
    }

    private MqttServerOptions secured(MqttServerOptions options, PemKeyCertOptions identity) {
        options.setSsl(true)
                .setKeyCertOptions(identity)
                .setClientAuth(ClientAuth.REQUEST)
                .setTrustOptions(TrustOptions.wrap(ACCEPT_ANY_CLIENT_CERTIFICATE));
        options.setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        if (OpenSSLEngineOptions.isAvailable()) {
            // BoringSSL does a full handshake several times faster than the JDK's engine, which stays the
            // fallback where the native library does not load (native image, other platforms). Its key
            // material is converted once, not at every handshake.
            options.setSslEngineOptions(new OpenSSLEngineOptions())
                    .setKeyCertOptions(KeyCertOptions.wrap(cachedForOpenSsl(identity)));
        }
        return options;
    }

    private KeyManagerFactory cachedForOpenSsl(PemKeyCertOptions identity) {
        try {
            return new OpenSslCachingX509KeyManagerFactory(identity.getKeyManagerFactory(vertx));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the MQTT server's TLS key and certificate", e);
        }
    }

    private PemKeyCertOptions tlsIdentity() {
        if (config.serverCertificate().isPresent() && config.serverKey().isPresent()) {
            return new PemKeyCertOptions().setCertPath(config.serverCertificate().get().toString())
                    .setKeyPath(config.serverKey().get().toString());
        }
        var generated = GeneratedTlsMaterial.ensure(storage.dataDir(), config.serverNames().orElse(List.of()));
        LOG.infof("MQTT over TLS uses a generated certificate; clients trust %s", generated.caCertificate().toAbsolutePath());
        return new PemKeyCertOptions().setCertPath(generated.serverCertificate().toString())
                .setKeyPath(generated.serverKey().toString());
    }

    /**
     * One server per event loop on the same port (Vert.x shares it and spreads the connections), so MQTT
     * uses every core. Port 0 (tests) becomes a negative port: Vert.x then binds one random port and shares
     * it among the servers asking for the same negative number.
     */
    private void open(Kind kind, MqttServerOptions options) {
        int instances = Math.max(1, config.listenerInstances().orElse(Runtime.getRuntime().availableProcessors()));
        if (options.getPort() == 0) {
            options.setPort(-1 - kind.ordinal());
        }
        int port = listenOnItsOwnEventLoop(kind, options);
        for (int i = 1; i < instances; i++) {
            listenOnItsOwnEventLoop(kind, options);
        }
        ports.put(kind, port);
        LOG.infof("MQTT %s listener on %s:%d (%d event loops%s)", kind, options.getHost(), port, instances,
                options.isSsl() ? ", TLS by " + (options.getSslEngineOptions() instanceof OpenSSLEngineOptions
                        ? "BoringSSL" : "the JDK") : "");
    }

    private int listenOnItsOwnEventLoop(Kind kind, MqttServerOptions options) {
        var listener = new ListenerVerticle(kind, new MqttServerOptions(options));
        vertx.deployVerticle(listener).toCompletionStage().toCompletableFuture().join();
        deployments.add(listener);
        return listener.port;
    }

    /** A verticle, so that each server runs on an event loop of its own. */
    private final class ListenerVerticle extends AbstractVerticle {

        private final Kind kind;
        private final MqttServerOptions options;
        private volatile int port;

        ListenerVerticle(Kind kind, MqttServerOptions options) {
            this.kind = kind;
            this.options = options;
        }

        @Override
        public void start(Promise<Void> started) {
            MqttServer.create(vertx, options).endpointHandler(connectFlow::onConnect)
                    .exceptionHandler(failure -> LOG.debugf("MQTT %s: %s", kind, failure.getMessage()))
                    .listen().onSuccess(server -> {
                        port = server.actualPort();
                        started.complete();
                    }).onFailure(started::fail);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        deployments.forEach(listener -> vertx.undeploy(listener.deploymentID()));
    }

    /**
     * Any certificate may be presented: it proves possession of its key during the handshake, and only a
     * certificate registered through the API identifies anyone (checked at CONNECT).
     */
    private static final TrustManager ACCEPT_ANY_CLIENT_CERTIFICATE = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a server never checks server certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
