package io.iotgate.tenancy;

import io.iotgate.model.MessageProperties;
import io.iotgate.model.Namespace;
import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.routing.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts an allowed message into its namespace: kept when it is retained (broker model) or on a permanent
 * topic (registry model: {@code state}, {@code config}), then routed to the matching subscriptions.
 * Every way in (MQTT PUBLISH, will messages, HTTP publish) goes through here.
 */
@ApplicationScoped
public class NamespacePublisher {

    private final Router router;
    private final RetainedMessagesKeeper keeper;

    NamespacePublisher(Router router, RetainedMessagesKeeper keeper) {
        this.router = router;
        this.keeper = keeper;
    }

    /**
     * @param retainRequested the RETAIN flag of the PUBLISH; IoT Core's registry model ignores it (permanent
     *                        topics replace it)
     * @param expiresAt       epoch milliseconds, or {@link Message#NEVER}
     * @param origin          the publishing session, for No Local; {@code null} for the service
     * @return how many subscriptions received it
     */
    public int publish(Namespace namespace, PublishDecision.Allowed allowed, byte[] payload, int qos,
                       boolean retainRequested, long expiresAt, Subscriber origin) {
        return publish(namespace, allowed, payload, qos, retainRequested, expiresAt, MessageProperties.NONE, origin);
    }

    /** @param properties MQTT 5 properties handed on to the receivers unaltered */
    public int publish(Namespace namespace, PublishDecision.Allowed allowed, byte[] payload, int qos,
                       boolean retainRequested, long expiresAt, MessageProperties properties, Subscriber origin) {
        boolean keep = allowed.permanent() || (retainRequested && namespace.kind() == Namespace.Kind.BROKER);
        Message message = new Message(allowed.realTopic(), payload, qos, keep, expiresAt, properties, origin);
        if (keep) {
            router.retain(namespace, message);
            keeper.changed(namespace, message);
        }
        return router.publish(namespace, message);
    }

    /**
     * A message that comes with no MQTT session: HTTP publish. Delivered at QoS 0 (subscribers get at most
     * that), never expires, has no publishing session to hold No Local to, and no retain flag (IoT Core's
     * publish call has none): kept only on a permanent topic.
     *
     * @return how many subscriptions received it
     */
    public int publishWithoutSession(Namespace namespace, PublishDecision.Allowed allowed, byte[] payload) {
        return publish(namespace, allowed, payload, 0, false, Message.NEVER, null);
    }
}
