package io.iotgate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted, memory-hard password hashing with Argon2id, stored as a self-describing PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 without padding).
 * Because the cost parameters travel inside the string, hashes made under older defaults keep verifying.
 *
 * <p>Both {@link #hash} and {@link #verify} burn tens of milliseconds of CPU and megabytes of memory on
 * purpose: callers must run them off the event loop, on a worker pool. Instances are immutable and
 * thread-safe.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    // Bounds for parameters read back from storage: a corrupted row must not make us allocate gigabytes.
    private static final int MIN_SALT_BYTES = 8; // RFC 9106 minimum
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;
    private static final long MAX_MEMORY_KIB = 1L << 20; // 1 GiB
    private static final long MAX_ITERATIONS = 64;
    private static final long MAX_PARALLELISM = 64;

    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        if (!Cost.isSupported(memoryKiB, iterations, parallelism)) {
            throw new IllegalArgumentException("unsupported Argon2id parameters m=" + memoryKiB
                    + ", t=" + iterations + ", p=" + parallelism);
        }
        this.cost = new Cost(memoryKiB, iterations, parallelism);
    }

    /**
     * OWASP Password Storage Cheat Sheet's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
     * Memory-hardness makes GPU guessing expensive, and one hash costs tens of milliseconds, so every
     * guess costs an attacker what a login costs us. Successful checks are cached elsewhere, so reconnect
     * storms do not pay it again.
     */
    public static PasswordHasher defaults() {
        return new PasswordHasher(19_456, 2, 1);
    }

    /** A fresh PHC string for the password, with a new random salt. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    /**
     * Whether the password matches the PHC string, using the parameters stored in it.
     * False, never an exception, for a null password or a malformed or out-of-bounds encoding.
     */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        Matcher m = ENCODED.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        long memoryKiB = Long.parseLong(m.group(1));
        long iterations = Long.parseLong(m.group(2));
        long parallelism = Long.parseLong(m.group(3));
        if (!Cost.isSupported(memoryKiB, iterations, parallelism)) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = BASE64_DECODER.decode(m.group(4));
            expected = BASE64_DECODER.decode(m.group(5));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES
                || expected.length < MIN_HASH_BYTES || expected.length > MAX_HASH_BYTES) {
            return false;
        }
        Cost stored = new Cost((int) memoryKiB, (int) iterations, (int) parallelism);
        byte[] actual = argon2id(password, salt, stored, expected.length);
        return MessageDigest.isEqual(actual, expected); // constant time: no timing oracle on the hash
    }

    private static byte[] argon2id(String password, byte[] salt, Cost cost, int hashBytes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[hashBytes];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }

    private record Cost(int memoryKiB, int iterations, int parallelism) {

        static boolean isSupported(long memoryKiB, long iterations, long parallelism) {
            return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                    && iterations >= 1 && iterations <= MAX_ITERATIONS
                    && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB; // RFC 9106: m >= 8p
        }
    }
}
