package io.iotgate.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful password checks, so a reconnecting device costs one HMAC instead of an Argon2id
 * hash. Entries are keyed by an HMAC of ID and password under a key that exists only in this process's
 * memory: a dump of the cache holds nothing an attacker can log in with or test guesses against offline.
 */
public final class PasswordCheckCache {

    private record Entry(String ownerId, String passwordId) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    /** Keyed once: a reconnect storm should not pay for a provider lookup and key set-up per CONNECT. */
    private final ThreadLocal<Mac> macs;

    public PasswordCheckCache(int maxEntries) {
        this.maxEntries = maxEntries;
        byte[] processKey = new byte[32];
        new SecureRandom().nextBytes(processKey);
        this.macs = ThreadLocal.withInitial(() -> keyedMac(processKey));
    }

    /** The password ID this ID and password were last verified against, if still cached. */
    public Optional<String> verifiedPasswordId(String ownerId, String password) {
        Entry entry = entries.get(key(ownerId, password));
        return entry == null ? Optional.empty() : Optional.of(entry.passwordId());
    }

    public void remember(String ownerId, String password, String passwordId) {
        if (entries.size() >= maxEntries) {
            // Rare and harmless: the next logins pay one hash each until the cache fills again.
            entries.clear();
        }
        entries.put(key(ownerId, password), new Entry(ownerId, passwordId));
    }

    /** A deleted password must stop working at once, cached or not. */
    public void forgetPassword(String passwordId) {
        entries.values().removeIf(entry -> entry.passwordId().equals(passwordId));
    }

    public void forgetOwner(String ownerId) {
        entries.values().removeIf(entry -> entry.ownerId().equals(ownerId));
    }

    private String key(String ownerId, String password) {
        Mac mac = macs.get();
        mac.update(ownerId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8))); // doFinal resets it
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
