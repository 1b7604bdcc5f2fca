package io.iotgate.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topic filter of a SUBSCRIBE or UNSUBSCRIBE: validated once, split into levels once.
 *
 * <p>A final class rather than a record for the same reason as {@link TopicName}: it caches its levels.
 * Equality is by text. A {@code $share/...} string parses as a plain filter here; the edge asks
 * {@link SharedSubscription#isShared(String)} first.
 */
public final class TopicFilter {

    static final String SINGLE_LEVEL = "+";
    static final String MULTI_LEVEL = "#";

    private final String value;
    private final List<String> levels;

    private TopicFilter(String value, List<String> levels) {
        this.value = value;
        this.levels = levels;
    }

    /**
     * @param maxBytes the longest filter accepted, in UTF-8 bytes, at most {@link TopicName#MQTT_MAX_BYTES}
     * @throws InvalidTopicException naming the problem when {@code text} is no valid topic filter
     */
    public static TopicFilter parse(String text, int maxBytes) {
        TopicText.checkText("topic filter", text, maxBytes);
        List<String> levels = TopicText.levels(text);
        int last = levels.size() - 1;
        for (int i = 0; i <= last; i++) {
            String level = levels.get(i);
            if (level.indexOf('#') >= 0 && (!level.equals(MULTI_LEVEL) || i != last)) {
                throw new InvalidTopicException("topic filter '" + text
                        + "': '#' must stand alone in the last level"); // [MQTT-4.7.1-2]
            }
            if (level.indexOf('+') >= 0 && !level.equals(SINGLE_LEVEL)) {
                throw new InvalidTopicException("topic filter '" + text
                        + "': '+' must stand alone in its level"); // [MQTT-4.7.1-3]
            }
        }
        return new TopicFilter(text, levels);
    }

    /** The filter as the client sent it. */
    public String value() {
        return value;
    }

    /** The levels between '/', empty ones included; unmodifiable and computed once. */
    public List<String> levels() {
        return levels;
    }

    /** Whether any level is '+' or '#'; a filter without them matches exactly one topic, its own text. */
    public boolean hasWildcards() {
        for (String level : levels) {
            if (isWildcard(level)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the topic is one this filter selects. */
    public boolean matches(TopicName topic) {
        if (isWildcard(levels.get(0)) && topic.isDollarTopic()) {
            return false; // [MQTT-4.7.2-1] a leading wildcard never matches a '$' topic
        }
        List<String> topicLevels = topic.levels();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals(MULTI_LEVEL)) {
                return true; // the rest, including nothing: "a/#" matches "a" [MQTT-4.7.1-2]
            }
            if (i == topicLevels.size()) {
                return false;
            }
            if (!level.equals(SINGLE_LEVEL) && !level.equals(topicLevels.get(i))) {
                return false;
            }
        }
        return levels.size() == topicLevels.size();
    }

    /**
     * The one filter matching exactly the topics that both {@code a} and {@code b} match, or empty when no
     * topic matches both. Tenancy uses it to narrow a subscriber's filter to what it may read.
     *
     * <p>Level by level: equal literals stay, different literals make it empty; '+' yields to the other
     * level; '#' takes the rest of the other filter. When one filter ends, the other must end too or
     * continue with '#' alone, which also matches its parent level [MQTT-4.7.1-2].
     *
     * <p>The '$' rule is honoured, so the result is exact rather than merely structural: a filter starting
     * with a wildcard matches no '$' topic [MQTT-4.7.2-1], hence {@code #} ∩ {@code $x/y} is empty, not
     * {@code $x/y}. Both inputs passed their length limits; the result is not checked again, since it only
     * matches topics that passed theirs.
     */
    public static Optional<TopicFilter> intersect(TopicFilter a, TopicFilter b) {
        List<String> x = a.levels;
        List<String> y = b.levels;
        List<String> out = new ArrayList<>(Math.max(x.size(), y.size()));
        for (int i = 0; ; i++) {
            boolean xEnded = i == x.size();
            boolean yEnded = i == y.size();
            if (xEnded && yEnded) {
                break;
            }
            if (xEnded || yEnded) {
                String next = xEnded ? y.get(i) : x.get(i);
                if (next.equals(MULTI_LEVEL)) {
                    break; // the longer one's '#' matches the shorter one's last level
                }
                return Optional.empty();
            }
            String p = x.get(i);
            String q = y.get(i);
            if (p.equals(MULTI_LEVEL)) {
                out.addAll(y.subList(i, y.size()));
                break;
            }
            if (q.equals(MULTI_LEVEL)) {
                out.addAll(x.subList(i, x.size()));
                break;
            }
            if (p.equals(SINGLE_LEVEL)) {
                out.add(q);
            } else if (q.equals(SINGLE_LEVEL) || p.equals(q)) {
                out.add(p);
            } else {
                return Optional.empty();
            }
        }
        boolean eitherSkipsDollar = isWildcard(x.get(0)) || isWildcard(y.get(0));
        if (eitherSkipsDollar && out.get(0).startsWith("$")) {
            return Optional.empty(); // [MQTT-4.7.2-1] one side matches no '$' topic at all
        }
        if (out.equals(x)) {
            return Optional.of(a);
        }
        if (out.equals(y)) {
            return Optional.of(b);
        }
        return Optional.of(new TopicFilter(String.join("/", out), List.copyOf(out)));
    }

    static boolean isWildcard(String level) {
        return level.equals(SINGLE_LEVEL) || level.equals(MULTI_LEVEL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicFilter that && value.equals(that.value);
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
