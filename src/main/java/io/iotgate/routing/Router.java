package io.iotgate.routing;

import io.iotgate.model.Namespace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves a message to the subscribers of its namespace, and keeps the last retained message of each topic
 * per namespace. Nothing here can cross namespaces: each has its own trie and its own retained store.
 */
public final class Router {

    private final RoutingTable<Subscriber> subscriptions = new RoutingTable<>();
    private final Map<Namespace, RetainedMessages<Message>> retained = new ConcurrentHashMap<>();

    /** Delivers to every matching subscriber; returns how many received it. */
    public int publish(Namespace namespace, Message message) {
        List<Recipient<Subscriber>> recipients = subscriptions.match(namespace, message.topic());
        for (Recipient<Subscriber> recipient : recipients) {
            recipient.subscriber().deliver(message, recipient.qos(), recipient.filters());
        }
        return recipients.size();
    }

    /** Keeps the message as its topic's retained one; an empty payload clears it [MQTT-3.3.1-10]. */
    public void retain(Namespace namespace, Message message) {
        if (message.payload().length == 0) {
            RetainedMessages<Message> store = retained.get(namespace);
            if (store != null) {
                store.remove(message.topic());
            }
        } else {
            retained.computeIfAbsent(namespace, n -> new RetainedMessages<>()).retain(message.topic(), message);
        }
    }

    public List<Message> retainedMatching(Namespace namespace, TopicFilter filter) {
        RetainedMessages<Message> store = retained.get(namespace);
        if (store == null) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        return store.matching(filter).stream().map(RetainedMessage::message)
                .filter(message -> !message.expiredAt(now)).toList();
    }

    /** Drops everything a deleted registry or broker kept. */
    public void forget(Namespace namespace) {
        retained.remove(namespace);
    }

    public boolean subscribe(Namespace namespace, TopicFilter filter, Subscriber subscriber, int qos) {
        return subscriptions.subscribe(namespace, filter, subscriber, qos);
    }

    public boolean subscribe(Namespace namespace, SharedSubscription shared, Subscriber subscriber, int qos) {
        return subscriptions.subscribe(namespace, shared, subscriber, qos);
    }

    public boolean unsubscribe(Namespace namespace, SharedSubscription shared, Subscriber subscriber) {
        return subscriptions.unsubscribe(namespace, shared, subscriber);
    }

    public boolean unsubscribe(Namespace namespace, TopicFilter filter, Subscriber subscriber) {
        return subscriptions.unsubscribe(namespace, filter, subscriber);
    }

    public void unsubscribeAll(Namespace namespace, Subscriber subscriber) {
        subscriptions.unsubscribeAll(namespace, subscriber);
    }
}
