package io.iotgate.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Every small filter and topic over a few level values, to check matching, intersection and the trie
 * against each other exhaustively rather than by example.
 */
final class TopicUniverse {

    private static final List<String> TOPIC_LEVELS = List.of("a", "b", "$s", "");
    private static final List<String> FILTER_LEVELS = List.of("a", "b", "$s", "", "+", "#");

    private TopicUniverse() {
    }

    /** Topics of one to four levels. */
    static List<TopicName> topics() {
        List<TopicName> topics = new ArrayList<>();
        for (String text : texts(TOPIC_LEVELS, 4)) {
            if (text.isEmpty()) {
                continue; // the one text that is no topic
            }
            topics.add(TopicName.parse(text, TopicName.DEFAULT_MAX_BYTES));
        }
        return topics;
    }

    /** Filters of one to three levels, '#' only last. */
    static List<TopicFilter> filters() {
        List<TopicFilter> filters = new ArrayList<>();
        for (String text : texts(FILTER_LEVELS, 3)) {
            if (!text.isEmpty() && (!text.contains("#") || text.indexOf('#') == text.length() - 1)) {
                filters.add(TopicFilter.parse(text, TopicName.DEFAULT_MAX_BYTES));
            }
        }
        return filters;
    }

    private static List<String> texts(List<String> alphabet, int maxLevels) {
        List<String> all = new ArrayList<>();
        List<String> previous = List.of("");
        for (int depth = 1; depth <= maxLevels; depth++) {
            List<String> current = new ArrayList<>();
            for (String prefix : previous) {
                for (String level : alphabet) {
                    current.add(depth == 1 ? level : prefix + "/" + level);
                }
            }
            all.addAll(current);
            previous = current;
        }
        return all;
    }
}
