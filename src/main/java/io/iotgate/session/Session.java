package io.iotgate.session;

import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.routing.SharedSubscription;
import io.iotgate.routing.Subscriber;
import io.iotgate.routing.TopicFilter;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one client ID in one namespace that outlives a connection when the client asks for it:
 * subscriptions, messages waiting for the client, QoS 1 and 2 deliveries not yet acknowledged, and the
 * packet IDs of QoS 2 messages received from it.
 *
 * <p>Publishers on any thread call {@link #deliver}; the connection's event loop calls the rest. The
 * monitor of this object guards the delivery state; sends are handed to the {@link SessionLink}, which
 * writes on its own event loop, in the order they were handed over.
 */
public final class Session implements Subscriber {

    private final SessionKey key;
    private final String ownerId;
    private final Router router;
    private final SessionLimits limits;
    private final MessageDrops drops;

    private final Map<String, List<RealSubscription>> byClientFilter = new HashMap<>();
    /** Read by publishers without the lock, to name and filter a message before queueing it. */
    private final Map<TopicFilter, RealSubscription> byFilter = new ConcurrentHashMap<>();

    private final ArrayDeque<Outgoing> queued = new ArrayDeque<>();
    /** QoS 1 and 2 PUBLISHes sent and not yet acknowledged (PUBACK, PUBREC), in sending order. */
    private final LinkedHashMap<Integer, Outgoing> unacknowledged = new LinkedHashMap<>();
    /** QoS 2 deliveries whose PUBREC came: PUBREL sent, PUBCOMP awaited [MQTT-4.3.3]. */
    private final Set<Integer> releasing = new HashSet<>();
    /** Packet IDs of QoS 2 PUBLISHes received and not yet released: a resent one is not routed twice [MQTT-4.3.3-2]. */
    private final Set<Integer> receivedQos2 = new HashSet<>();

    private SessionLink link;
    private int window;
    private int lastPacketId;
    private long expirySeconds;
    private int attachments;
    private boolean ended;

    Session(SessionKey key, String ownerId, Router router, SessionLimits limits, MessageDrops drops) {
        this.key = key;
        this.ownerId = ownerId;
        this.router = router;
        this.limits = limits;
        this.drops = drops;
    }

    public SessionKey key() {
        return key;
    }

    /** The device, registry or broker whose session this is. */
    public String ownerId() {
        return ownerId;
    }

    public synchronized long expirySeconds() {
        return expirySeconds;
    }

    /** MQTT 5: the client may change the interval when it disconnects [MQTT-3.14.2-2 allows it unless it was 0]. */
    public synchronized void expireAfter(long seconds) {
        this.expirySeconds = seconds;
    }

    public synchronized boolean isConnected() {
        return link != null;
    }

    synchronized boolean heldBy(SessionLink candidate) {
        return link == candidate;
    }

    /** How often a connection took this session: an expiry timer set before a resume must not end it. */
    public synchronized int attachments() {
        return attachments;
    }

    synchronized boolean isEnded() {
        return ended;
    }

    // ---- subscriptions -------------------------------------------------------------------------------

    /**
     * Subscribes one client filter, replacing an earlier subscription with the same filter [MQTT-3.8.4-3].
     *
     * @return whether the client filter was subscribed before (MQTT 5 retain handling 1)
     */
    public synchronized boolean subscribe(String clientFilter, List<RealSubscription> subscriptions) {
        List<RealSubscription> previous = byClientFilter.remove(clientFilter);
        release(previous, subscriptions);
        for (RealSubscription subscription : subscriptions) {
            byFilter.put(subscription.filter(), subscription);
            if (subscription.shareGroup().isPresent()) {
                router.subscribe(key.namespace(), new SharedSubscription(subscription.shareGroup().get(),
                        subscription.filter()), this, subscription.qos());
            } else {
                router.subscribe(key.namespace(), subscription.filter(), this, subscription.qos());
            }
        }
        byClientFilter.put(clientFilter, List.copyOf(subscriptions));
        return previous != null;
    }

    /** @return whether the client had subscribed to this filter */
    public synchronized boolean unsubscribe(String clientFilter) {
        List<RealSubscription> previous = byClientFilter.remove(clientFilter);
        release(previous, List.of());
        return previous != null;
    }

    /** Each client filter with the subscriptions it stands for, e.g. to judge them again on resume. */
    public synchronized Map<String, List<RealSubscription>> subscriptions() {
        return Map.copyOf(byClientFilter);
    }

    public synchronized int subscriptionCount() {
        return byClientFilter.size();
    }

    /**
     * Drops the routes of an old subscription, except those still wanted by the new one or by another of the
     * client's filters (e.g. {@code $me/device/commands/#} and an alias of the same topics): those stay,
     * named as that one.
     */
    private void release(List<RealSubscription> old, List<RealSubscription> replacing) {
        if (old == null) {
            return;
        }
        for (RealSubscription gone : old) {
            if (replacing.stream().anyMatch(gone::sameRouteAs)) {
                continue;
            }
            RealSubscription stillWanted = byClientFilter.values().stream().flatMap(List::stream)
                    .filter(gone::sameRouteAs).findFirst().orElse(null);
            if (stillWanted != null) {
                byFilter.put(stillWanted.filter(), stillWanted);
            } else if (gone.shareGroup().isPresent()) {
                router.unsubscribe(key.namespace(), new SharedSubscription(gone.shareGroup().get(), gone.filter()), this);
                byFilter.remove(gone.filter());
            } else {
                router.unsubscribe(key.namespace(), gone.filter(), this);
                byFilter.remove(gone.filter());
            }
        }
    }

    // ---- outbound ------------------------------------------------------------------------------------

    @Override
    public void deliver(Message message, int grantedQos, List<TopicFilter> filters) {
        RealSubscription subscription = null;
        boolean onlyNoLocal = true;
        boolean retainAsPublished = false;
        for (TopicFilter filter : filters) {
            RealSubscription candidate = byFilter.get(filter);
            if (candidate != null) {
                subscription = subscription == null ? candidate : subscription;
                onlyNoLocal &= candidate.options().noLocal();
                retainAsPublished |= candidate.options().retainAsPublished();
            }
        }
        if (subscription == null || (onlyNoLocal && message.origin() == this)) {
            return; // unsubscribed while the message was on its way, or the client's own message [MQTT-3.8.3-3]
        }
        String topic = subscription.naming().apply(message.topic().value());
        offer(new Outgoing(message, topic, Math.min(message.qos(), grantedQos), retainAsPublished && message.retain()));
    }

    /** Sends a retained or permanent message to a new subscription: with the retain flag [MQTT-3.3.1-8]. */
    public void deliverRetained(Message message, RealSubscription subscription) {
        offer(new Outgoing(message, subscription.naming().apply(message.topic().value()),
                Math.min(message.qos(), subscription.qos()), true));
    }

    private synchronized void offer(Outgoing out) {
        if (ended) {
            return;
        }
        if (link != null && queued.isEmpty() && (out.qos() == 0 || inFlight() < window)) {
            transmit(out);
            return;
        }
        if (queued.size() >= limits.maxQueued() && !makeRoomFor(out)) {
            drops.dropped(key.namespace(), out.qos());
            return;
        }
        queued.add(out);
    }

    /** A full queue gives up its oldest QoS 0 message for a QoS 1 or 2 one; QoS 0 goes first. */
    private boolean makeRoomFor(Outgoing out) {
        if (out.qos() == 0) {
            return false;
        }
        for (Iterator<Outgoing> it = queued.iterator(); it.hasNext(); ) {
            Outgoing waiting = it.next();
            if (waiting.qos() == 0) {
                it.remove();
                drops.dropped(key.namespace(), 0);
                return true;
            }
        }
        return false;
    }

    private void transmit(Outgoing out) {
        if (out.qos() == 0) {
            link.send(out, 0, false);
            return;
        }
        int packetId = nextPacketId();
        unacknowledged.put(packetId, out);
        link.send(out, packetId, false);
    }

    private int inFlight() {
        return unacknowledged.size() + releasing.size();
    }

    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId == 65_535 ? 1 : lastPacketId + 1;
        } while (unacknowledged.containsKey(lastPacketId) || releasing.contains(lastPacketId));
        return lastPacketId;
    }

    /** Moves waiting messages into free slots of the window, skipping those that expired while waiting. */
    private void pump() {
        long now = System.currentTimeMillis();
        while (link != null && !queued.isEmpty() && (queued.peek().qos() == 0 || inFlight() < window)) {
            Outgoing next = queued.poll();
            if (!next.message().expiredAt(now)) { // [MQTT-3.3.2-5]
                transmit(next);
            }
        }
    }

    /** PUBACK of a QoS 1 delivery, or PUBCOMP of a QoS 2 one: a slot of the window is free again. */
    public synchronized void completed(int packetId) {
        boolean freed = unacknowledged.remove(packetId) != null;
        freed |= releasing.remove(packetId);
        if (freed) {
            pump();
        }
    }

    /** PUBREC of a QoS 2 delivery: from now on only the PUBREL may be resent [MQTT-4.3.3-1]. */
    public synchronized boolean received(int packetId) {
        if (unacknowledged.remove(packetId) == null) {
            return releasing.contains(packetId);
        }
        releasing.add(packetId);
        return true;
    }

    // ---- inbound QoS 2 -------------------------------------------------------------------------------

    /** @return false when this QoS 2 packet ID was already received and not yet released: do not route it again */
    public synchronized boolean firstReceipt(int packetId) {
        return receivedQos2.add(packetId);
    }

    public synchronized void released(int packetId) {
        receivedQos2.remove(packetId);
    }

    // ---- connection life -----------------------------------------------------------------------------

    /**
     * A connection takes the session: what was not acknowledged is sent again, with the same packet IDs
     * and the DUP flag [MQTT-4.4.0-1], then what waited.
     *
     * @param receiveMaximum how many QoS 1 and 2 deliveries the client accepts at once (MQTT 5)
     */
    synchronized void attach(SessionLink newLink, int receiveMaximum) {
        SessionLink previous = link;
        link = newLink;
        attachments++;
        window = Math.max(1, Math.min(limits.maxInflight(), receiveMaximum));
        if (previous != null && previous != newLink) {
            previous.takenOver();
        }
        unacknowledged.forEach((packetId, out) -> newLink.send(out, packetId, true));
        releasing.forEach(newLink::sendRelease);
        pump();
    }

    /** @return whether the link still held the session (a taken-over connection no longer does) */
    synchronized boolean detach(SessionLink closing) {
        if (link != closing) {
            return false;
        }
        link = null;
        return true;
    }

    /**
     * Ends the session: its subscriptions leave routing, what waited is discarded [MQTT-3.1.2-4], and a
     * connection still holding it is closed as taken over (a clean start or another identity replaced it).
     */
    synchronized void end() {
        ended = true;
        if (link != null) {
            link.takenOver();
        }
        link = null;
        router.unsubscribeAll(key.namespace(), this);
        byClientFilter.clear();
        byFilter.clear();
        queued.clear();
        unacknowledged.clear();
        releasing.clear();
        receivedQos2.clear();
    }

    /** For tests and diagnostics: how many messages wait for the client. */
    public synchronized int waiting() {
        return queued.size();
    }
}
