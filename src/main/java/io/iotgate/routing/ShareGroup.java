package io.iotgate.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The members of one shared subscription ({@code $share/<group>/<filter>}) and the round-robin choice
 * among them.
 *
 * <p>Round-robin because it is fair without knowing anything about the members, lock-free (one atomic
 * counter per group) and predictable in tests. Members are kept in the order they joined; a member that
 * re-subscribes keeps its place. The counter is per group, not per publisher, so concurrent publishers
 * interleave but each member still gets every n-th message on average. The choice knows nothing of whether
 * a member is online: the session layer queues for offline members as for any other subscription.
 *
 * <p>Members change only under the trie's write lock, by swapping in a new immutable list, so
 * {@link #pick()} never sees a half-made change.
 */
final class ShareGroup<S> {

    record Member<S>(S subscriber, int qos) {
    }

    private final String name;
    private final TopicFilter filter;
    private final AtomicInteger next = new AtomicInteger();
    private volatile List<Member<S>> members = List.of();

    ShareGroup(String name, TopicFilter filter) {
        this.name = name;
        this.filter = filter;
    }

    String name() {
        return name;
    }

    TopicFilter filter() {
        return filter;
    }

    /** Adds a member or changes its QoS; returns whether it was already a member. Write lock held. */
    boolean put(S subscriber, int qos) {
        List<Member<S>> changed = new ArrayList<>(members);
        Member<S> member = new Member<>(subscriber, qos);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).subscriber().equals(subscriber)) {
                changed.set(i, member);
                members = List.copyOf(changed);
                return true;
            }
        }
        changed.add(member);
        members = List.copyOf(changed);
        return false;
    }

    /** Removes a member; returns whether it was one. Write lock held. */
    boolean remove(S subscriber) {
        List<Member<S>> changed = new ArrayList<>(members);
        boolean removed = changed.removeIf(m -> m.subscriber().equals(subscriber));
        if (removed) {
            members = List.copyOf(changed);
        }
        return removed;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** The member whose turn it is; empty only while the group is being removed. */
    Optional<Member<S>> pick() {
        List<Member<S>> current = members;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        // floorMod keeps the index valid after the counter wraps past Integer.MAX_VALUE
        return Optional.of(current.get(Math.floorMod(next.getAndIncrement(), current.size())));
    }
}
