package io.iotgate.mqtt;

import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.session.DeliveryOptions;
import io.iotgate.session.RealSubscription;
import io.iotgate.session.Session;
import io.iotgate.tenancy.SubscribeDecision;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SUBSCRIBE and UNSUBSCRIBE. Each filter is judged alone: a refused one gets its own failure code and the
 * session stays (IoT Core); a granted one may stand for several real filters (narrowing, {@code $me},
 * aliases). The subscriptions belong to the session, so a persistent one outlives the connection. Retained
 * and permanent messages follow the SUBACK.
 */
@ApplicationScoped
class SubscribeFlow {

    private static final Logger LOG = Logger.getLogger(SubscribeFlow.class);

    private final Router router;

    SubscribeFlow(Router router) {
        this.router = router;
    }

    void attach(MqttConnection connection) {
        connection.endpoint.subscribeHandler(subscribe -> onSubscribe(connection, subscribe));
        connection.endpoint.unsubscribeHandler(unsubscribe -> onUnsubscribe(connection, unsubscribe));
    }

    private void onSubscribe(MqttConnection connection, MqttSubscribeMessage subscribe) {
        Session session = connection.session();
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<Runnable> retainedToSend = new ArrayList<>();
        for (MqttTopicSubscription requested : subscribe.topicSubscriptions()) {
            String filter = requested.topicName();
            int qos = requested.qualityOfService().value();
            MqttSubscriptionOption option = requested.subscriptionOption();
            var overQuota = connection.limits.judgeSubscription(session.subscriptions().keySet(), filter);
            if (overQuota.isPresent()) {
                LOG.warnf("Refused SUBSCRIBE of %s %s in %s to '%s': %s", connection.principal.kind(),
                        connection.principal.id(), connection.namespace(), filter, overQuota.get());
                connection.activity.subscribeRefused(filter, overQuota.get().toString());
                codes.add(ReasonCodes.overQuota(connection.endpoint.protocolVersion()));
                continue;
            }
            Judged judged = judge(connection, filter, qos, options(option));
            if (judged.refused() != null) {
                codes.add(ReasonCodes.refusedFilter(judged.refused(), connection.endpoint.protocolVersion()));
                continue;
            }
            List<RealSubscription> real = judged.granted();
            boolean existed = session.subscribe(filter, real);
            if (wantsRetained(option, existed)) {
                for (RealSubscription subscription : real) {
                    if (subscription.shareGroup().isEmpty()) { // shared subscriptions get no retained messages (MQTT 5, 4.8.2)
                        retainedToSend.add(() -> {
                            for (Message kept : router.retainedMatching(connection.namespace(), subscription.filter())) {
                                session.deliverRetained(kept, subscription);
                            }
                        });
                    }
                }
            }
            connection.activity.subscribed();
            codes.add(ReasonCodes.granted(qos));
        }
        connection.endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        retainedToSend.forEach(Runnable::run);
    }

    /** The real subscriptions a client filter stands for, or the policy's refusal (logged). */
    private record Judged(List<RealSubscription> granted, SubscribeDecision.Refused refused) {}

    private Judged judge(MqttConnection connection, String filter, int qos, DeliveryOptions options) {
        SubscribeDecision decision = connection.policy.authorizeSubscribe(filter);
        if (decision instanceof SubscribeDecision.Refused refused) {
            LOG.warnf("Refused SUBSCRIBE of %s %s in %s to '%s': %s", connection.principal.kind(),
                    connection.principal.id(), connection.namespace(), filter, refused.reason());
            connection.activity.subscribeRefused(filter, refused.reason());
            return new Judged(List.of(), refused);
        }
        if (decision instanceof SubscribeDecision.GrantedShared shared) {
            // No Local makes no sense in a group [MQTT-3.8.3-4]; it is ignored rather than refused
            return new Judged(List.of(new RealSubscription(shared.subscription().filter(),
                    Optional.of(shared.subscription().group()), qos, name -> name, DeliveryOptions.DEFAULT)), null);
        }
        return new Judged(((SubscribeDecision.Granted) decision).filters().stream()
                .map(real -> new RealSubscription(real.realFilter(), Optional.empty(), qos, real.rename(), options))
                .toList(), null);
    }

    /**
     * A resumed session's subscriptions are judged again by the rules of the identity now connecting:
     * aliases or permissions may have changed while it was away. What is no longer allowed is dropped.
     */
    void reauthorize(MqttConnection connection) {
        Session session = connection.session();
        session.subscriptions().forEach((filter, previous) -> {
            RealSubscription first = previous.get(0);
            Judged judged = judge(connection, filter, first.qos(), first.options());
            if (judged.refused() == null) {
                session.subscribe(filter, judged.granted());
            } else {
                session.unsubscribe(filter);
            }
        });
    }

    private static DeliveryOptions options(MqttSubscriptionOption option) {
        return option == null ? DeliveryOptions.DEFAULT
                : new DeliveryOptions(option.isNoLocal(), option.isRetainAsPublished());
    }

    /** MQTT 5 retain handling: 0 always, 1 only for a new subscription, 2 never [MQTT-3.3.1-9..11]. */
    private static boolean wantsRetained(MqttSubscriptionOption option, boolean existed) {
        if (option == null) {
            return true;
        }
        return switch (option.retainHandling()) {
            case SEND_AT_SUBSCRIBE -> true;
            case SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS -> !existed;
            case DONT_SEND_AT_SUBSCRIBE -> false;
        };
    }

    private void onUnsubscribe(MqttConnection connection, MqttUnsubscribeMessage unsubscribe) {
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String filter : unsubscribe.topics()) {
            boolean existed = connection.session().unsubscribe(filter);
            codes.add(existed ? MqttUnsubAckReasonCode.SUCCESS : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
        }
        if (connection.isMqtt5()) {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        } else {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        }
    }
}
