package io.iotgate.routing;

import io.iotgate.model.Namespace;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One {@link SubscriptionTrie} per namespace, so a message can only reach subscriptions of its own
 * registry or broker: every method starts with the namespace and no trie is handed out.
 *
 * <p>Changes run inside {@link ConcurrentHashMap#compute}, which serialises them per namespace; that is
 * what makes it safe to drop a trie once its last subscription goes, without losing a subscription another
 * thread is adding to it at that moment. {@link #match} only reads.
 *
 * @param <S> the subscriber key, e.g. a session id
 */
public final class RoutingTable<S> {

    private final ConcurrentHashMap<Namespace, SubscriptionTrie<S>> tries = new ConcurrentHashMap<>();

    /** See {@link SubscriptionTrie#subscribe(TopicFilter, Object, int)}. */
    public boolean subscribe(Namespace namespace, TopicFilter filter, S subscriber, int qos) {
        return changeCreating(namespace, trie -> trie.subscribe(filter, subscriber, qos));
    }

    /** See {@link SubscriptionTrie#subscribe(SharedSubscription, Object, int)}. */
    public boolean subscribe(Namespace namespace, SharedSubscription shared, S subscriber, int qos) {
        return changeCreating(namespace, trie -> trie.subscribe(shared, subscriber, qos));
    }

    /** See {@link SubscriptionTrie#unsubscribe(TopicFilter, Object)}. */
    public boolean unsubscribe(Namespace namespace, TopicFilter filter, S subscriber) {
        return changeExisting(namespace, trie -> trie.unsubscribe(filter, subscriber), false);
    }

    /** See {@link SubscriptionTrie#unsubscribe(SharedSubscription, Object)}. */
    public boolean unsubscribe(Namespace namespace, SharedSubscription shared, S subscriber) {
        return changeExisting(namespace, trie -> trie.unsubscribe(shared, subscriber), false);
    }

    /** See {@link SubscriptionTrie#unsubscribeAll(Object)}. */
    public int unsubscribeAll(Namespace namespace, S subscriber) {
        return changeExisting(namespace, trie -> trie.unsubscribeAll(subscriber), 0);
    }

    /** See {@link SubscriptionTrie#match(TopicName)}; a namespace nobody subscribed in matches no one. */
    public List<Recipient<S>> match(Namespace namespace, TopicName topic) {
        SubscriptionTrie<S> trie = tries.get(namespace);
        return trie == null ? List.of() : trie.match(topic);
    }

    /** How many subscriptions the namespace holds, e.g. for a quota. */
    public int size(Namespace namespace) {
        SubscriptionTrie<S> trie = tries.get(namespace);
        return trie == null ? 0 : trie.size();
    }

    /** How many namespaces hold at least one subscription. */
    public int namespaceCount() {
        return tries.size();
    }

    private <R> R changeCreating(Namespace namespace, Function<SubscriptionTrie<S>, R> change) {
        Objects.requireNonNull(namespace, "namespace");
        AtomicReference<R> result = new AtomicReference<>();
        tries.compute(namespace, (ns, trie) -> {
            SubscriptionTrie<S> target = trie == null ? new SubscriptionTrie<>() : trie;
            result.set(change.apply(target));
            return target; // a subscribe always adds; if it throws, compute stores nothing
        });
        return result.get();
    }

    private <R> R changeExisting(Namespace namespace, Function<SubscriptionTrie<S>, R> change, R whenAbsent) {
        Objects.requireNonNull(namespace, "namespace");
        AtomicReference<R> result = new AtomicReference<>(whenAbsent);
        tries.computeIfPresent(namespace, (ns, trie) -> {
            result.set(change.apply(trie));
            return trie.isEmpty() ? null : trie; // drop the trie with its last subscription
        });
        return result.get();
    }
}
