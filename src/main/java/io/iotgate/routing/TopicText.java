package io.iotgate.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The text rules that topic names and topic filters share, and the split into levels.
 * Package-private: its only users are {@link TopicName}, {@link TopicFilter} and {@link SharedSubscription}.
 */
final class TopicText {

    private TopicText() {
    }

    /** Checks the limit a caller passes in: at least 1, at most what MQTT can encode. */
    static void checkLimit(int maxBytes) {
        if (maxBytes < 1 || maxBytes > TopicName.MQTT_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "topic length limit must be within 1.." + TopicName.MQTT_MAX_BYTES + ", was " + maxBytes);
        }
    }

    /**
     * Rejects what no topic name or filter may hold, in one pass without encoding the string:
     * empty [MQTT-4.7.3-1], U+0000 [MQTT-4.7.3-2], unpaired surrogates (not well-formed UTF-8)
     * [MQTT-1.5.3-1], more than {@code maxBytes} bytes of UTF-8.
     */
    static void checkText(String what, String text, int maxBytes) {
        checkLimit(maxBytes);
        if (text == null) {
            throw new InvalidTopicException(what + " is missing");
        }
        if (text.isEmpty()) {
            throw new InvalidTopicException(what + " is empty"); // [MQTT-4.7.3-1]
        }
        long bytes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new InvalidTopicException(what + " '" + text + "' contains U+0000"); // [MQTT-4.7.3-2]
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4; // one supplementary code point, two chars
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidTopicException(what + " contains an unpaired surrogate"); // [MQTT-1.5.3-1]
            } else {
                bytes += 3;
            }
        }
        if (bytes > maxBytes) {
            throw new InvalidTopicException(
                    what + " is " + bytes + " bytes of UTF-8, more than the limit of " + maxBytes);
        }
    }

    /** Splits on '/', keeping empty levels: "/a" is ["", "a"] and "a/" is ["a", ""] [MQTT-4.7.1-1]. */
    static List<String> levels(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/') {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        int level = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/') {
                levels[level++] = text.substring(start, i);
                start = i + 1;
            }
        }
        levels[level] = text.substring(start);
        return Collections.unmodifiableList(Arrays.asList(levels));
    }
}
