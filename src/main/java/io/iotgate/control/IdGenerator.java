package io.iotgate.control;

import java.security.SecureRandom;

/**
 * IDs shaped like IoT Core's ({@code arenou2oj4ct42eq8g3n}): 20 lowercase letters and digits, the first
 * three naming the type. 17 random characters of 36 carry about 88 bits, so guessing one is hopeless.
 */
public final class IdGenerator {

    public static final String FOLDER = "b1g";
    public static final String OPERATION = "aro";
    public static final String PASSWORD = "arp";
    public static final String API_KEY = "ajk";

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private IdGenerator() {
    }

    public static String next(String prefix) {
        char[] id = new char[20];
        prefix.getChars(0, 3, id, 0);
        for (int i = 3; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
