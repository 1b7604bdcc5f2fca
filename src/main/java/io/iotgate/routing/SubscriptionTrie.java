package io.iotgate.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The subscriptions of ONE namespace, as a trie of filter levels, and the question every PUBLISH asks:
 * who receives this topic, at which QoS, through which filters.
 *
 * <p>Concurrency: {@link #match} runs on any number of threads without locking, reading concurrent maps.
 * Changes take one short lock per trie, so a writer can prune a node it just emptied without racing another
 * writer that is adding beneath it. Nodes that hold a subscription, or lead to one, are never pruned, so a
 * subscription present for the whole of a match is always found.
 *
 * @param <S> the subscriber key, e.g. a session id; needs {@code equals} and {@code hashCode}
 */
public final class SubscriptionTrie<S> {

    /** One thing a subscriber holds here, to undo it in {@link #unsubscribeAll}. */
    private record Held(TopicFilter filter, String shareGroup /* null when not shared */) {
    }

    /** A '+' branch still to walk in {@link #match}. */
    private record Branch<S>(TrieNode<S> node, int depth) {
    }

    private final TrieNode<S> root = new TrieNode<>();
    private final Object writeLock = new Object();
    private final Map<S, Set<Held>> heldBySubscriber = new HashMap<>(); // guarded by writeLock
    private volatile int size; // written under writeLock

    /**
     * Subscribes, or changes the QoS of the subscriber's subscription to the same filter.
     *
     * @return whether it replaced an existing subscription [MQTT-3.8.4-3]
     */
    public boolean subscribe(TopicFilter filter, S subscriber, int qos) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(subscriber, "subscriber");
        Qos.check(qos);
        synchronized (writeLock) {
            TrieNode<S> node = createPath(filter);
            boolean replaced = node.subscriptions.put(subscriber, new TrieNode.Subscription<>(subscriber, filter, qos)) != null;
            if (!replaced) {
                remember(subscriber, new Held(filter, null));
            }
            return replaced;
        }
    }

    /**
     * Joins the subscriber to a shared subscription, or changes its QoS there.
     *
     * @return whether the subscriber was already a member of that group on that filter
     */
    public boolean subscribe(SharedSubscription shared, S subscriber, int qos) {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(subscriber, "subscriber");
        Qos.check(qos);
        synchronized (writeLock) {
            TrieNode<S> node = createPath(shared.filter());
            ShareGroup<S> group = node.shareGroups.computeIfAbsent(
                    shared.group(), name -> new ShareGroup<>(name, shared.filter()));
            boolean replaced = group.put(subscriber, qos);
            if (!replaced) {
                remember(subscriber, new Held(shared.filter(), shared.group()));
            }
            return replaced;
        }
    }

    /** @return whether the subscriber had that subscription */
    public boolean unsubscribe(TopicFilter filter, S subscriber) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            return remove(new Held(filter, null), subscriber);
        }
    }

    /** @return whether the subscriber was a member of that shared subscription */
    public boolean unsubscribe(SharedSubscription shared, S subscriber) {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            return remove(new Held(shared.filter(), shared.group()), subscriber);
        }
    }

    /**
     * Drops every subscription of the subscriber, shared ones included: a clean session ends.
     *
     * @return how many subscriptions it held
     */
    public int unsubscribeAll(S subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            Set<Held> held = heldBySubscriber.get(subscriber);
            if (held == null) {
                return 0;
            }
            int count = 0;
            for (Held one : List.copyOf(held)) {
                if (remove(one, subscriber)) {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * Everyone a message on this topic goes to: each non-shared subscriber once, with the highest QoS among
     * its matching subscriptions and all the filters that matched [MQTT-3.3.5-1]; plus, for each matching
     * shared subscription, one member chosen round-robin (see {@link ShareGroup}). A subscriber can appear
     * both ways, since the spec lets a shared copy come on top of the non-shared one [MQTT-4.8.2].
     * Order is unspecified. Never locks, never throws on concurrent changes.
     */
    public List<Recipient<S>> match(TopicName topic) {
        List<String> levels = topic.levels();
        boolean dollarTopic = topic.isDollarTopic();
        MatchCollector<S> found = new MatchCollector<>();
        ArrayDeque<Branch<S>> branches = null;
        TrieNode<S> node = root;
        int depth = 0;
        while (true) {
            // Follow the literal path down, remembering '+' branches for later: the loop stays flat
            // however deep the topic is, where recursion could run out of stack on a long one.
            while (node != null) {
                // [MQTT-4.7.2-1] at the first level, wildcards never match a '$' topic
                boolean wildcardsAllowed = depth > 0 || !dollarTopic;
                if (wildcardsAllowed) {
                    TrieNode<S> rest = node.children.get(TopicFilter.MULTI_LEVEL);
                    if (rest != null) {
                        found.collect(rest); // '#' matches the rest, even none of it [MQTT-4.7.1-2]
                    }
                }
                if (depth == levels.size()) {
                    found.collect(node);
                    break;
                }
                if (wildcardsAllowed) {
                    TrieNode<S> any = node.children.get(TopicFilter.SINGLE_LEVEL);
                    if (any != null) {
                        if (branches == null) {
                            branches = new ArrayDeque<>();
                        }
                        branches.push(new Branch<>(any, depth + 1));
                    }
                }
                node = node.children.get(levels.get(depth));
                depth++;
            }
            if (branches == null || branches.isEmpty()) {
                return found.recipients();
            }
            Branch<S> branch = branches.pop();
            node = branch.node();
            depth = branch.depth();
        }
    }

    /** How many subscriptions the trie holds, shared memberships included. */
    public int size() {
        return size;
    }

    /** Whether no subscription is left; then pruning has also removed every node. */
    public boolean isEmpty() {
        return root.isEmpty();
    }

    private TrieNode<S> createPath(TopicFilter filter) {
        TrieNode<S> node = root;
        for (String level : filter.levels()) {
            node = node.children.computeIfAbsent(level, l -> new TrieNode<>());
        }
        return node;
    }

    private void remember(S subscriber, Held held) {
        heldBySubscriber.computeIfAbsent(subscriber, s -> new LinkedHashSet<>()).add(held);
        size++;
    }

    /** Removes one subscription and prunes the nodes it leaves empty. Write lock held. */
    private boolean remove(Held held, S subscriber) {
        List<String> levels = held.filter().levels();
        List<TrieNode<S>> path = new ArrayList<>(levels.size() + 1);
        TrieNode<S> node = root;
        path.add(node);
        for (String level : levels) {
            node = node.children.get(level);
            if (node == null) {
                return false;
            }
            path.add(node);
        }
        if (!removeAt(node, held, subscriber)) {
            return false;
        }
        Set<Held> stillHeld = heldBySubscriber.get(subscriber);
        stillHeld.remove(held);
        if (stillHeld.isEmpty()) {
            heldBySubscriber.remove(subscriber);
        }
        size--;
        for (int i = levels.size(); i > 0 && path.get(i).isEmpty(); i--) {
            path.get(i - 1).children.remove(levels.get(i - 1), path.get(i));
        }
        return true;
    }

    private boolean removeAt(TrieNode<S> node, Held held, S subscriber) {
        if (held.shareGroup() == null) {
            return node.subscriptions.remove(subscriber) != null;
        }
        ShareGroup<S> group = node.shareGroups.get(held.shareGroup());
        if (group == null || !group.remove(subscriber)) {
            return false;
        }
        if (group.isEmpty()) {
            node.shareGroups.remove(group.name(), group);
        }
        return true;
    }
}
