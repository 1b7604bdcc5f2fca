package io.iotgate.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordHasherTest {

    // Cheap parameters keep the suite fast; the algorithm and encoding are the same as with defaults.
    private static final PasswordHasher CHEAP = new PasswordHasher(1024, 1, 1);
    private static final String PASSWORD = "correct-Horse-battery-staple-9";
    private static final String ENCODED = CHEAP.hash(PASSWORD);

    @Test
    void encodesAsPhcStringWithItsParameters() {
        // 16-byte salt -> 22 Base64 characters, 32-byte hash -> 43, no padding.
        assertTrue(ENCODED.matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                ENCODED);
    }

    @Test
    void verifiesTheRightPassword() {
        assertTrue(CHEAP.verify(PASSWORD, ENCODED));
    }

    @Test
    void rejectsAWrongPassword() {
        assertFalse(CHEAP.verify(PASSWORD + "x", ENCODED));
        assertFalse(CHEAP.verify("", ENCODED));
        assertFalse(CHEAP.verify(null, ENCODED));
    }

    @Test
    void saltsEachHashDifferently() {
        String again = CHEAP.hash(PASSWORD);
        assertNotEquals(ENCODED, again);
        assertTrue(CHEAP.verify(PASSWORD, again));
    }

    @Test
    void readsParametersFromTheEncodingSoOldHashesSurviveNewDefaults() {
        assertTrue(PasswordHasher.defaults().verify(PASSWORD, ENCODED));
    }

    @Test
    void defaultsFollowOwaspAndVerify() {
        PasswordHasher defaults = PasswordHasher.defaults();
        String encoded = defaults.hash(PASSWORD);
        assertTrue(encoded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded);
        assertTrue(defaults.verify(PASSWORD, encoded));
        assertFalse(defaults.verify(PASSWORD.toUpperCase(), encoded));
    }

    @Test
    void verifiesTheArgon2ReferenceImplementationsOutput() {
        // Known answer from the phc-winner-argon2 test suite: password "password", salt "somesalt".
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(CHEAP.verify("password", reference));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingEncodings(String encoded) {
        assertFalse(CHEAP.verify(PASSWORD, encoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedEncodings")
    void rejectsMalformedOrTamperedEncodingsWithoutThrowing(String why, String encoded) {
        assertFalse(CHEAP.verify(PASSWORD, encoded), encoded);
    }

    static Stream<Arguments> tamperedEncodings() {
        String[] parts = ENCODED.split("\\$"); // "", "argon2id", "v=19", "m=1024,t=1,p=1", salt, hash
        String salt = parts[4];
        String hash = parts[5];
        return Stream.of(
                Arguments.of("not PHC at all", "garbage"),
                Arguments.of("argon2i, not argon2id", ENCODED.replace("$argon2id$", "$argon2i$")),
                Arguments.of("bcrypt", "$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"),
                Arguments.of("old Argon2 version", ENCODED.replace("$v=19$", "$v=16$")),
                Arguments.of("no version", ENCODED.replace("$v=19$", "$")),
                Arguments.of("parameters reordered", ENCODED.replace("m=1024,t=1,p=1", "t=1,m=1024,p=1")),
                Arguments.of("zero memory", ENCODED.replace("m=1024", "m=0")),
                Arguments.of("zero iterations", ENCODED.replace("t=1", "t=0")),
                Arguments.of("zero lanes", ENCODED.replace("p=1", "p=0")),
                Arguments.of("memory below 8 per lane", ENCODED.replace("m=1024,t=1,p=1", "m=15,t=1,p=2")),
                Arguments.of("absurd memory", ENCODED.replace("m=1024", "m=9999999999")),
                Arguments.of("absurd iterations", ENCODED.replace("t=1", "t=100000")),
                Arguments.of("negative memory", ENCODED.replace("m=1024", "m=-1024")),
                Arguments.of("different memory", ENCODED.replace("m=1024", "m=2048")),
                Arguments.of("no hash", ENCODED.substring(0, ENCODED.lastIndexOf('$'))),
                Arguments.of("empty hash", ENCODED.substring(0, ENCODED.lastIndexOf('$') + 1)),
                Arguments.of("trailing field", ENCODED + "$AAAA"),
                Arguments.of("hash not Base64", ENCODED.replace(hash, "!" + hash.substring(1))),
                Arguments.of("hash of impossible Base64 length", ENCODED.replace(hash, hash + "A")),
                Arguments.of("hash too short", ENCODED.replace(hash, hash.substring(0, 10))),
                Arguments.of("salt too short", ENCODED.replace(salt, "AAAA")),
                Arguments.of("salt changed", ENCODED.replace(salt, flipFirst(salt))),
                Arguments.of("hash changed", ENCODED.replace(hash, flipFirst(hash))),
                Arguments.of("padded Base64", ENCODED + "="),
                Arguments.of("surrounding whitespace", " " + ENCODED + "\n"));
    }

    @Test
    void refusesUnsupportedParametersAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1024, 1, 0));
    }

    private static String flipFirst(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }
}
