package io.iotgate.routing;

import java.util.List;

/**
 * The topic of a PUBLISH: validated once at the edge, then split into levels once for all matching.
 *
 * <p>A final class rather than a record because it caches its levels: a record would have to expose a
 * public constructor taking levels that could disagree with the text. Equality is by text.
 */
public final class TopicName {

    /** The most a two-byte length prefix can encode [MQTT-1.5.3]. */
    public static final int MQTT_MAX_BYTES = 65_535;

    /** IoT Core limits topics to 1024 characters; iotgate counts UTF-8 bytes, the stricter reading. */
    public static final int DEFAULT_MAX_BYTES = 1_024;

    private final String value;
    private final List<String> levels;

    private TopicName(String value, List<String> levels) {
        this.value = value;
        this.levels = levels;
    }

    /**
     * @param maxBytes the longest topic accepted, in UTF-8 bytes, at most {@link #MQTT_MAX_BYTES}
     * @throws InvalidTopicException naming the problem when {@code text} is no valid topic name
     */
    public static TopicName parse(String text, int maxBytes) {
        TopicText.checkText("topic name", text, maxBytes);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '#') {
                // [MQTT-3.3.2-2] wildcards belong to filters, never to the topic of a PUBLISH
                throw new InvalidTopicException("topic name '" + text + "' contains the wildcard '" + c + "'");
            }
        }
        return new TopicName(text, TopicText.levels(text));
    }

    /** The topic as the client sent it. */
    public String value() {
        return value;
    }

    /** The levels between '/', empty ones included; unmodifiable and computed once. */
    public List<String> levels() {
        return levels;
    }

    /** Topics starting with '$' are for the server; wildcards at the start of a filter skip them [MQTT-4.7.2-1]. */
    public boolean isDollarTopic() {
        return value.charAt(0) == '$';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
