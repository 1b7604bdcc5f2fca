package io.iotgate.mqtt;

import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.tenancy.GrantedFilter;
import io.iotgate.tenancy.SubscribeDecision;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SUBSCRIBE and UNSUBSCRIBE. Each filter is judged alone: a refused one gets its own failure code and the
 * session stays (IoT Core); a granted one may stand for several real filters (narrowing, {@code $me},
 * aliases). Retained and permanent messages follow the SUBACK.
 */
@ApplicationScoped
class SubscribeFlow {

    private static final Logger LOG = Logger.getLogger(SubscribeFlow.class);

    private final Router router;

    SubscribeFlow(Router router) {
        this.router = router;
    }

    void attach(MqttConnection connection) {
        Map<String, List<GrantedFilter>> byClientFilter = new HashMap<>();
        connection.endpoint.subscribeHandler(subscribe -> onSubscribe(connection, subscribe, byClientFilter));
        connection.endpoint.unsubscribeHandler(unsubscribe -> onUnsubscribe(connection, unsubscribe, byClientFilter));
    }

    private void onSubscribe(MqttConnection connection, MqttSubscribeMessage subscribe,
                             Map<String, List<GrantedFilter>> byClientFilter) {
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<Runnable> retainedToSend = new ArrayList<>();
        for (MqttTopicSubscription requested : subscribe.topicSubscriptions()) {
            String filter = requested.topicName();
            int qos = requested.qualityOfService().value();
            SubscribeDecision decision = connection.policy.authorizeSubscribe(filter);
            if (decision instanceof SubscribeDecision.Refused refused) {
                LOG.warnf("Refused SUBSCRIBE of %s %s in %s to '%s': %s", connection.principal.kind(),
                        connection.principal.id(), connection.namespace(), filter, refused.reason());
                codes.add(ReasonCodes.refusedFilter(connection.endpoint.protocolVersion()));
                continue;
            }
            var overQuota = connection.limits.judgeSubscription(byClientFilter.keySet(), filter);
            if (overQuota.isPresent()) {
                LOG.warnf("Refused SUBSCRIBE of %s %s in %s to '%s': %s", connection.principal.kind(),
                        connection.principal.id(), connection.namespace(), filter, overQuota.get());
                codes.add(ReasonCodes.overQuota(connection.endpoint.protocolVersion()));
                continue;
            }
            List<GrantedFilter> granted = ((SubscribeDecision.Granted) decision).filters();
            unsubscribe(connection, byClientFilter.remove(filter), byClientFilter);
            for (GrantedFilter real : granted) {
                connection.renames.put(real.realFilter(), real.rename());
                router.subscribe(connection.namespace(), real.realFilter(), connection, qos);
                retainedToSend.add(() -> {
                    for (Message kept : router.retainedMatching(connection.namespace(), real.realFilter())) {
                        connection.deliverRetained(kept, qos, real.realFilter());
                    }
                });
            }
            byClientFilter.put(filter, granted);
            codes.add(ReasonCodes.granted(qos));
        }
        connection.endpoint.subscribeAcknowledge(subscribe.messageId(), codes,
                io.netty.handler.codec.mqtt.MqttProperties.NO_PROPERTIES);
        retainedToSend.forEach(Runnable::run);
    }

    private void onUnsubscribe(MqttConnection connection, MqttUnsubscribeMessage unsubscribe,
                               Map<String, List<GrantedFilter>> byClientFilter) {
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
        for (String filter : unsubscribe.topics()) {
            List<GrantedFilter> granted = byClientFilter.remove(filter);
            unsubscribe(connection, granted, byClientFilter);
            codes.add(granted == null ? MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED : MqttUnsubAckReasonCode.SUCCESS);
        }
        if (connection.isMqtt5()) {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId(), codes,
                    io.netty.handler.codec.mqtt.MqttProperties.NO_PROPERTIES);
        } else {
            connection.endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        }
    }

    /**
     * Drops the real filters of one client filter, except those another of the client's filters still stands
     * for (e.g. {@code $me/device/commands/#} and an alias of the same topics): those stay, named as that one.
     */
    private void unsubscribe(MqttConnection connection, List<GrantedFilter> granted,
                             Map<String, List<GrantedFilter>> remaining) {
        if (granted == null) {
            return;
        }
        for (GrantedFilter real : granted) {
            var stillWanted = remaining.values().stream().flatMap(List::stream)
                    .filter(other -> other.realFilter().equals(real.realFilter())).findFirst();
            if (stillWanted.isPresent()) {
                connection.renames.put(real.realFilter(), stillWanted.get().rename());
            } else {
                router.unsubscribe(connection.namespace(), real.realFilter(), connection);
                connection.renames.remove(real.realFilter());
            }
        }
    }
}
