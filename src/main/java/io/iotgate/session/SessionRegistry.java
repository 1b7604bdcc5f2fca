package io.iotgate.session;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection holds which session. A new connection with the same client ID in the same namespace
 * takes over: the older one is closed [MQTT-3.1.4-2].
 */
@ApplicationScoped
public class SessionRegistry {

    private final Map<SessionKey, SessionHolder> holders = new ConcurrentHashMap<>();

    public void claim(SessionKey key, SessionHolder holder) {
        SessionHolder previous = holders.put(key, holder);
        if (previous != null && previous != holder) {
            previous.takenOver();
        }
    }

    /** Releases the session only if this holder still has it: a taken-over connection must not evict its successor. */
    public void release(SessionKey key, SessionHolder holder) {
        holders.remove(key, holder);
    }
}
