package io.iotgate.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the subscriptions of the nodes one {@link SubscriptionTrie#match} reaches: non-shared ones merged
 * per subscriber (highest QoS, every matched filter), one round-robin pick per shared subscription.
 * Lives for one match, on one thread.
 */
final class MatchCollector<S> {

    /** The best a subscriber has got so far. */
    private static final class Best {
        int qos;
        final List<TopicFilter> filters = new ArrayList<>(1);
    }

    private Map<S, Best> direct; // created on the first match: most topics match few nodes
    private List<Recipient<S>> shared;

    void collect(TrieNode<S> node) {
        for (TrieNode.Subscription<S> subscription : node.subscriptions.values()) {
            if (direct == null) {
                direct = new HashMap<>();
            }
            Best best = direct.computeIfAbsent(subscription.subscriber(), s -> new Best());
            best.qos = Math.max(best.qos, subscription.qos());
            best.filters.add(subscription.filter());
        }
        for (ShareGroup<S> group : node.shareGroups.values()) {
            group.pick().ifPresent(member -> {
                if (shared == null) {
                    shared = new ArrayList<>();
                }
                shared.add(Recipient.shared(member.subscriber(), member.qos(), group.filter(), group.name()));
            });
        }
    }

    List<Recipient<S>> recipients() {
        if (direct == null && shared == null) {
            return List.of();
        }
        List<Recipient<S>> all = new ArrayList<>((direct == null ? 0 : direct.size()) + (shared == null ? 0 : shared.size()));
        if (direct != null) {
            direct.forEach((subscriber, best) -> all.add(Recipient.direct(subscriber, best.qos, best.filters)));
        }
        if (shared != null) {
            all.addAll(shared);
        }
        return all;
    }
}
