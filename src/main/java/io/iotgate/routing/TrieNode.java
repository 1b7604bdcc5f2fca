package io.iotgate.routing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One level of a {@link SubscriptionTrie}: its children by level text, and the subscriptions whose filter
 * ends here. Concurrent maps so matching threads read without locks while one writer changes them.
 */
final class TrieNode<S> {

    /** A non-shared subscription ending at this node. */
    record Subscription<S>(S subscriber, TopicFilter filter, int qos) {
    }

    // Initial capacities stay small: most nodes hold a child or two; the tables themselves are
    // allocated on first insert.
    final ConcurrentHashMap<String, TrieNode<S>> children = new ConcurrentHashMap<>(2);
    final ConcurrentHashMap<S, Subscription<S>> subscriptions = new ConcurrentHashMap<>(2);
    final ConcurrentHashMap<String, ShareGroup<S>> shareGroups = new ConcurrentHashMap<>(1);

    boolean isEmpty() {
        return children.isEmpty() && subscriptions.isEmpty() && shareGroups.isEmpty();
    }
}
