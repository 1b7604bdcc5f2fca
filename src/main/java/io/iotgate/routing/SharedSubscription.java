package io.iotgate.routing;

import java.util.Objects;

/**
 * A subscription shared by a group: each matching message goes to one member of the group
 * instead of to all of them. Written {@code $share/<group>/<filter>} [MQTT-4.8.2].
 */
public record SharedSubscription(String group, TopicFilter filter) {

    static final String PREFIX = "$share/";

    public SharedSubscription {
        Objects.requireNonNull(filter, "filter");
        checkGroup(group, group);
    }

    /** Whether the client meant a shared subscription; then {@link #parse} decides if it wrote one well. */
    public static boolean isShared(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /**
     * @param maxBytes the longest text accepted, in UTF-8 bytes, prefix and group included
     * @throws InvalidTopicException naming the problem when {@code text} is no valid shared subscription
     */
    public static SharedSubscription parse(String text, int maxBytes) {
        TopicText.checkText("shared subscription", text, maxBytes);
        if (!isShared(text)) {
            throw new InvalidTopicException("shared subscription '" + text + "' does not start with " + PREFIX);
        }
        int slash = text.indexOf('/', PREFIX.length());
        if (slash < 0) {
            throw new InvalidTopicException("shared subscription '" + text + "' has no topic filter"); // [MQTT-4.8.2-2]
        }
        String group = text.substring(PREFIX.length(), slash);
        checkGroup(group, text);
        return new SharedSubscription(group, TopicFilter.parse(text.substring(slash + 1), maxBytes));
    }

    private static void checkGroup(String group, String text) {
        if (group == null || group.isEmpty()) {
            throw new InvalidTopicException("shared subscription '" + text + "' has an empty group"); // [MQTT-4.8.2-1]
        }
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\u0000') {
                // [MQTT-4.8.2-2] the share name may not hold '/', '+' or '#'
                throw new InvalidTopicException("shared subscription '" + text + "': group may not contain '" + c + "'");
            }
        }
    }

    /** The text a client writes for it. */
    @Override
    public String toString() {
        return PREFIX + group + "/" + filter.value();
    }
}
