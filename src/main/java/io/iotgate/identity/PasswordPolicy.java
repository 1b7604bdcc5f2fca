package io.iotgate.identity;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The rule a device, registry or broker password must meet before we store it.
 * IoT Core: at least 14 characters, drawn from at least 3 of the 4 classes
 * (lowercase letters, uppercase letters, digits, other characters).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 14;
    private static final int MIN_CLASSES = 3;
    private static final int GENERATED_LENGTH = 24;

    private static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    // No quotes, backslash, '$', '&' or spaces: generated passwords get pasted into shells, JSON and URLs.
    private static final String OTHER = "!#%*+-.:=?@^_~";
    private static final String ANY = LOWERCASE + UPPERCASE + DIGITS + OTHER;

    private PasswordPolicy() {
    }

    /** Empty when the password is acceptable, otherwise a message for the API user. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters long");
        }
        if (characterClassesIn(password) < MIN_CLASSES) {
            return Optional.of("password must contain characters of at least " + MIN_CLASSES
                    + " of these 4 classes: lowercase letters, uppercase letters, digits, other characters");
        }
        return Optional.empty();
    }

    /** A fresh {@value #GENERATED_LENGTH}-character password with all four classes present. */
    public static String generate(SecureRandom random) {
        char[] password = new char[GENERATED_LENGTH];
        password[0] = pick(LOWERCASE, random);
        password[1] = pick(UPPERCASE, random);
        password[2] = pick(DIGITS, random);
        password[3] = pick(OTHER, random);
        for (int i = 4; i < password.length; i++) {
            password[i] = pick(ANY, random);
        }
        // Shuffle so the guaranteed characters do not sit at predictable positions.
        for (int i = password.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swapped = password[i];
            password[i] = password[j];
            password[j] = swapped;
        }
        return new String(password);
    }

    private static int characterClassesIn(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static char pick(String alphabet, SecureRandom random) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
