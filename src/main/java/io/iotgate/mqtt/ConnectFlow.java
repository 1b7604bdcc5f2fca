package io.iotgate.mqtt;

import io.iotgate.identity.AuthenticationFailure;
import io.iotgate.identity.Authenticator;
import io.iotgate.identity.ConnectCredentials;
import io.iotgate.identity.Principal;
import io.iotgate.config.MqttConfig;
import io.iotgate.config.SessionConfig;
import io.iotgate.model.ResourceKind;
import io.iotgate.observe.ClientActivity;
import io.iotgate.observe.GatewayActivity;
import io.iotgate.session.SessionLimits;
import io.iotgate.session.SessionStore;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.iotgate.tenancy.ClientLimits;
import io.iotgate.tenancy.FolderLimits;
import io.iotgate.tenancy.Limits;
import io.iotgate.tenancy.TopicPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CONNECT: who is this (identity, off the event loop), which namespace, which session; then CONNACK and
 * the other flows attached. Refusals get the protocol's CONNACK code and one log line.
 */
@ApplicationScoped
class ConnectFlow {

    private static final Logger LOG = Logger.getLogger(ConnectFlow.class);

    private final Authenticator authenticator;
    private final TopicPolicies policies;
    private final SessionStore sessions;
    private final LiveConnections live;
    private final PublishFlow publishFlow;
    private final SubscribeFlow subscribeFlow;
    private final WillFlow willFlow;
    private final GatewayActivity activity;
    private final FolderLimits folderLimits;
    private final MqttConfig mqttConfig;
    private final SessionConfig sessionConfig;
    private final Vertx vertx;

    ConnectFlow(Authenticator authenticator, TopicPolicies policies, SessionStore sessions, LiveConnections live,
                PublishFlow publishFlow, SubscribeFlow subscribeFlow, WillFlow willFlow, GatewayActivity activity,
                MqttConfig mqttConfig, SessionConfig sessionConfig, FolderLimits folderLimits, Vertx vertx) {
        this.folderLimits = folderLimits;
        this.authenticator = authenticator;
        this.policies = policies;
        this.sessions = sessions;
        this.live = live;
        this.publishFlow = publishFlow;
        this.subscribeFlow = subscribeFlow;
        this.willFlow = willFlow;
        this.activity = activity;
        this.mqttConfig = mqttConfig;
        this.sessionConfig = sessionConfig;
        this.vertx = vertx;
    }

    void onConnect(MqttEndpoint endpoint) {
        AtomicBoolean gone = new AtomicBoolean();
        endpoint.closeHandler(v -> gone.set(true)); // replaced by the session's once accepted
        Context context = vertx.getOrCreateContext();
        String password = endpoint.auth() == null ? null : endpoint.auth().getPassword();
        var credentials = new ConnectCredentials(
                endpoint.auth() == null ? null : endpoint.auth().getUsername(),
                password,
                // A password decides (Authenticator), so the certificate is not even looked for: asking the TLS
                // session for an absent one throws, a stack trace per connect of every password client.
                password == null ? clientCertificate(endpoint) : null,
                endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().host());
        Duration wait = authenticator.waitBefore(credentials);
        if (wait.isZero()) {
            authenticate(endpoint, context, credentials, gone);
        } else {
            // Guessing is slowed down, not answered faster with a refusal.
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> authenticate(endpoint, context, credentials, gone));
        }
    }

    private void authenticate(MqttEndpoint endpoint, Context context, ConnectCredentials credentials, AtomicBoolean gone) {
        authenticator.authenticate(credentials).subscribe().with(
                principal -> context.runOnContext(v -> accept(endpoint, context, principal, gone)),
                failure -> context.runOnContext(v -> refuse(endpoint, credentials, failure)));
    }

    private void accept(MqttEndpoint endpoint, Context context, Principal principal, AtomicBoolean gone) {
        if (gone.get()) {
            return; // the client left while it was authenticated (or kept waiting): nothing to attach a session to
        }
        Limits limits = folderLimits.of(principal.folderId()); // the folder's limits as of this CONNECT
        TopicPolicy policy = policies.forPrincipal(principal, limits);
        WillFlow.Judged judged = willFlow.judge(endpoint, policy);
        if (judged instanceof WillFlow.Judged.Forbidden forbidden) {
            LOG.warnf("Refused MQTT CONNECT of %s %s in %s: forbidden will topic: %s", principal.kind(), principal.id(),
                    principal.namespace(), forbidden.reason());
            activity.connectRefused(principal.id(), endpoint.clientIdentifier(), ObservedClients.remoteAddress(endpoint),
                    endpoint.protocolVersion(), AuthenticationFailure.Reason.NOT_AUTHORIZED.name(),
                    "forbidden will topic: " + forbidden.reason());
            endpoint.reject(ReasonCodes.connack(AuthenticationFailure.Reason.NOT_AUTHORIZED, endpoint.protocolVersion()));
            return;
        }
        Optional<WillFlow.Will> will = judged instanceof WillFlow.Judged.Accepted accepted
                ? Optional.of(accepted.will()) : Optional.empty();
        boolean mqtt5 = endpoint.protocolVersion() >= ReasonCodes.MQTT_5;
        ClientActivity observed = activity.connected(ObservedClients.of(principal, endpoint));
        var connection = new MqttConnection(endpoint, context, principal, policy, ClientLimits.of(limits),
                mqtt5 ? mqttConfig.topicAliasMaximum() : 0, observed, sessionConfig.maxUnflushed());
        ConnectProperties requested = ConnectProperties.of(endpoint, sessionConfig.maxExpiry());
        publishFlow.attach(connection);
        subscribeFlow.attach(connection);
        boolean[] normalDisconnect = {false};
        endpoint.pingHandler(v -> connection.activity.pinged());
        endpoint.disconnectMessageHandler(disconnect -> {
            connection.activity.clientDisconnected(disconnect.code().name());
            // MQTT 5 lets the client ask for its will anyway (0x04) and change the session expiry [MQTT-3.14.2-2]
            normalDisconnect[0] = disconnect.code() != MqttDisconnectReasonCode.WITH_WILL_MESSAGE;
            ConnectProperties.sessionExpiry(disconnect.properties(), sessionConfig.maxExpiry())
                    .filter(seconds -> connection.session().expirySeconds() != 0)
                    .ifPresent(seconds -> connection.session().expireAfter(seconds));
        });
        endpoint.closeHandler(v -> {
            connection.markClosed();
            live.remove(connection);
            sessions.closed(connection.session(), connection);
            connection.activity.disconnected();
            if (!normalDisconnect[0]) {
                willFlow.connectionLost(connection, will);
            }
            LOG.debugf("MQTT connection of %s %s closed", principal.kind(), principal.id());
        });
        endpoint.exceptionHandler(failure -> {
            connection.activity.closing("network or protocol error: " + failure.getMessage());
            LOG.debugf("MQTT connection of %s: %s", principal.id(), failure.getMessage());
        });
        SessionStore.Opened opened = sessions.open(connection.sessionKey, principal.id(), requested.cleanStart(),
                requested.sessionExpirySeconds(),
                new SessionLimits(limits.inflightPerSession(), sessionConfig.maxQueued()), connection,
                requested.receiveMaximum());
        connection.bind(opened.session());
        if (opened.present()) {
            subscribeFlow.reauthorize(connection); // the identity's rules may have changed since (aliases, permissions)
        }
        live.add(connection);
        endpoint.accept(opened.present(), mqtt5 ? connack(requested, principal) : MqttProperties.NO_PROPERTIES);
        connection.accepted();
        LOG.infof("MQTT %s %s connected to %s from %s as client '%s' by %s (MQTT %s, session %s)", principal.kind(),
                principal.id(), principal.namespace(), endpoint.remoteAddress(), endpoint.clientIdentifier(),
                principal.proof(), mqtt5 ? "5" : "3.1.1", opened.present() ? "resumed" : "new");
    }

    /** What the server grants an MQTT 5 client, told in CONNACK [MQTT-3.2.2.3]. */
    private MqttProperties connack(ConnectProperties requested, Principal principal) {
        MqttProperties properties = new MqttProperties();
        if (requested.expiryCapped()) {
            properties.add(intProperty(MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL,
                    (int) requested.sessionExpirySeconds()));
        }
        properties.add(intProperty(MqttProperties.MqttPropertyType.TOPIC_ALIAS_MAXIMUM, mqttConfig.topicAliasMaximum()));
        properties.add(intProperty(MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE, mqttConfig.maxPacketBytes()));
        boolean shared = principal.kind() == ResourceKind.BROKER; // the registry model has no shared subscriptions
        properties.add(intProperty(MqttProperties.MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE, shared ? 1 : 0));
        return properties;
    }

    private static MqttProperties.IntegerProperty intProperty(MqttProperties.MqttPropertyType type, int value) {
        return new MqttProperties.IntegerProperty(type.value(), value);
    }

    private void refuse(MqttEndpoint endpoint, ConnectCredentials credentials, Throwable failure) {
        AuthenticationFailure.Reason reason = failure instanceof AuthenticationFailure refused ? refused.reason()
                : AuthenticationFailure.Reason.THROTTLED;
        if (!(failure instanceof AuthenticationFailure)) {
            LOG.error("MQTT authentication failed unexpectedly", failure);
        }
        LOG.warnf("Refused MQTT CONNECT from %s as '%s': %s (%s)", credentials.remoteAddress(), credentials.username(),
                reason, failure.getMessage());
        activity.connectRefused(credentials.username(), endpoint.clientIdentifier(), credentials.remoteAddress(),
                endpoint.protocolVersion(), reason.name(), failure.getMessage());
        endpoint.reject(ReasonCodes.connack(reason, endpoint.protocolVersion()));
    }

    private static X509Certificate clientCertificate(MqttEndpoint endpoint) {
        if (!endpoint.isSsl() || endpoint.sslSession() == null) {
            return null;
        }
        try {
            Certificate[] chain = endpoint.sslSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
