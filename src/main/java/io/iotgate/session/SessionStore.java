package io.iotgate.session;

import io.iotgate.config.SessionConfig;
import io.iotgate.routing.Router;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every session, keyed by (namespace, client ID): a client ID is unique inside its namespace only. A new
 * connection with a held client ID takes the session over and the older connection is closed
 * [MQTT-3.1.4-2]; it resumes the session unless it asks for a clean start, or it is another identity (a
 * device never inherits the subscriptions of another device that used the same client ID).
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    /** What a CONNECT found. */
    public record Opened(Session session, boolean present) {}

    private final Map<SessionKey, Session> sessions = new ConcurrentHashMap<>();
    private final Router router;
    private final MessageDrops drops;
    private final Vertx vertx;
    private final SessionConfig config;

    SessionStore(Router router, MessageDrops drops, Vertx vertx, SessionConfig config) {
        this.router = router;
        this.drops = drops;
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * @param ownerId        the device, registry or broker that connects
     * @param cleanStart     MQTT 3.1.1 clean session, MQTT 5 clean start [MQTT-3.1.2-4]
     * @param expirySeconds  how long the session outlives this connection (already capped)
     * @param receiveMaximum the client's MQTT 5 receive maximum, or 65535
     */
    public synchronized Opened open(SessionKey key, String ownerId, boolean cleanStart, long expirySeconds,
                                    SessionLimits limits, SessionLink link, int receiveMaximum) {
        Session existing = sessions.get(key);
        boolean resume = existing != null && !cleanStart && existing.ownerId().equals(ownerId) && !existing.isEnded();
        if (existing != null && !resume) {
            existing.end(); // closes the older connection, if any, and discards its state
        }
        Session session = resume ? existing : new Session(key, ownerId, router, limits, drops);
        sessions.put(key, session);
        session.expireAfter(expirySeconds);
        session.attach(link, receiveMaximum);
        return new Opened(session, resume);
    }

    /**
     * The connection ended. A session with expiry 0 ends with it; another one waits for its client and ends
     * when the interval passes without a reconnect [MQTT-3.1.2-23].
     */
    public void closed(Session session, SessionLink link) {
        if (!session.detach(link)) {
            return; // taken over: the session lives on with the newer connection
        }
        long expiry = session.expirySeconds();
        if (expiry == 0) {
            end(session);
            return;
        }
        long millis = Math.min(expiry, config.maxExpiry().toSeconds()) * 1000;
        int attachment = session.attachments();
        vertx.setTimer(Math.max(1, millis), id -> {
            if (session.attachments() == attachment && !session.isConnected()) {
                end(session); // not resumed since this disconnect
            }
        });
    }

    /**
     * Ends the sessions of a deleted device, registry or broker at once, connected or not: nothing of it may
     * linger. Their connections are closed by the edge.
     */
    public void endWhere(Predicate<Session> affected) {
        sessions.values().stream().filter(affected).toList().forEach(this::end);
    }

    private synchronized void end(Session session) {
        sessions.remove(session.key(), session);
        session.end();
        LOG.debugf("Session of client '%s' in %s ended", session.key().clientId(), session.key().namespace());
    }

    /** How many sessions exist, connected or waiting for their client. */
    public int size() {
        return sessions.size();
    }
}
