package io.iotgate.mqtt;

import io.iotgate.identity.AuthenticationFailure;
import io.iotgate.identity.Authenticator;
import io.iotgate.identity.ConnectCredentials;
import io.iotgate.identity.Principal;
import io.iotgate.routing.Router;
import io.iotgate.session.SessionRegistry;
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

/**
 * CONNECT: who is this (identity, off the event loop), which namespace, which session; then CONNACK and
 * the other flows attached. Refusals get the protocol's CONNACK code and one log line.
 */
@ApplicationScoped
class ConnectFlow {

    private static final Logger LOG = Logger.getLogger(ConnectFlow.class);
    private static final int MAX_WAITING = 1000;

    private final Authenticator authenticator;
    private final TopicPolicies policies;
    private final SessionRegistry sessions;
    private final LiveConnections live;
    private final PublishFlow publishFlow;
    private final SubscribeFlow subscribeFlow;
    private final Router router;
    private final Vertx vertx;
    private final FolderLimits folderLimits;

    ConnectFlow(Authenticator authenticator, TopicPolicies policies, SessionRegistry sessions, LiveConnections live,
                PublishFlow publishFlow, SubscribeFlow subscribeFlow, Router router, Vertx vertx,
                FolderLimits folderLimits) {
        this.authenticator = authenticator;
        this.policies = policies;
        this.sessions = sessions;
        this.live = live;
        this.publishFlow = publishFlow;
        this.subscribeFlow = subscribeFlow;
        this.router = router;
        this.vertx = vertx;
        this.folderLimits = folderLimits;
    }

    void onConnect(MqttEndpoint endpoint) {
        Context context = vertx.getOrCreateContext();
        var credentials = new ConnectCredentials(
                endpoint.auth() == null ? null : endpoint.auth().getUsername(),
                endpoint.auth() == null ? null : endpoint.auth().getPassword(),
                clientCertificate(endpoint),
                endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().host());
        Duration wait = authenticator.waitBefore(credentials);
        if (wait.isZero()) {
            authenticate(endpoint, context, credentials);
        } else {
            // Guessing is slowed down, not answered faster with a refusal.
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> authenticate(endpoint, context, credentials));
        }
    }

    private void authenticate(MqttEndpoint endpoint, Context context, ConnectCredentials credentials) {
        authenticator.authenticate(credentials).subscribe().with(
                principal -> context.runOnContext(v -> accept(endpoint, context, principal)),
                failure -> context.runOnContext(v -> refuse(endpoint, credentials, failure)));
    }

    private void accept(MqttEndpoint endpoint, Context context, Principal principal) {
        Limits limits = folderLimits.of(principal.folderId()); // the folder's limits as of this CONNECT
        TopicPolicy policy = policies.forPrincipal(principal, limits);
        var connection = new MqttConnection(endpoint, context, principal, policy, ClientLimits.of(limits),
                limits.inflightPerSession(), MAX_WAITING);
        endpoint.publishAutoAck(false);
        endpoint.publishAcknowledgeHandler(id -> connection.acknowledged());
        endpoint.publishReceivedHandler(endpoint::publishRelease);
        endpoint.publishCompletionHandler(id -> connection.acknowledged());
        publishFlow.attach(connection);
        subscribeFlow.attach(connection);
        endpoint.closeHandler(v -> {
            connection.markClosed();
            router.unsubscribeAll(connection.namespace(), connection);
            sessions.release(connection.sessionKey, connection);
            live.remove(connection);
            LOG.debugf("MQTT connection of %s %s closed", principal.kind(), principal.id());
        });
        endpoint.exceptionHandler(failure -> LOG.debugf("MQTT connection of %s: %s", principal.id(), failure.getMessage()));
        sessions.claim(connection.sessionKey, connection);
        live.add(connection);
        endpoint.accept(false);
        LOG.infof("MQTT %s %s connected to %s from %s as client '%s' by %s (MQTT %s)", principal.kind(), principal.id(),
                principal.namespace(), endpoint.remoteAddress(), endpoint.clientIdentifier(), principal.proof(),
                endpoint.protocolVersion() >= ReasonCodes.MQTT_5 ? "5" : "3.1.1");
    }

    private void refuse(MqttEndpoint endpoint, ConnectCredentials credentials, Throwable failure) {
        AuthenticationFailure.Reason reason = failure instanceof AuthenticationFailure refused ? refused.reason()
                : AuthenticationFailure.Reason.THROTTLED;
        if (!(failure instanceof AuthenticationFailure)) {
            LOG.error("MQTT authentication failed unexpectedly", failure);
        }
        LOG.warnf("Refused MQTT CONNECT from %s as '%s': %s (%s)", credentials.remoteAddress(), credentials.username(),
                reason, failure.getMessage());
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
