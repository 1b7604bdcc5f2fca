package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

class TopicFilterIntersectionTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;
    private static final String NONE = "(none)";

    /** Checked in both orders: intersection is symmetric. */
    @ParameterizedTest(name = "''{0}'' ∩ ''{1}'' = ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            '$devices/#'            | '$devices/+/events/#'  | '$devices/+/events/#'
            '$devices/abc/#'        | '$devices/+/events/#'  | '$devices/abc/events/#'
            '$devices/+/commands'   | '$devices/+/events/#'  | (none)
            '$devices/+'            | '$devices/+/events/#'  | (none)
            '$devices/abc/events'   | '$devices/+/events/#'  | '$devices/abc/events'
            '$devices/abc/events/x' | '$devices/+/events/#'  | '$devices/abc/events/x'
            '$registries/#'         | '$registries/r1/commands/#' | '$registries/r1/commands/#'
            '#'                     | '$x/y'                 | (none)
            '+/y'                   | '$x/+'                 | (none)
            '+'                     | '$x'                   | (none)
            '#'                     | 'x/y'                  | 'x/y'
            '#'                     | '#'                    | '#'
            '#'                     | '+'                    | '+'
            '#'                     | '+/#'                  | '+/#'
            '$x/#'                  | '$x/#'                 | '$x/#'
            'a'                     | 'a/#'                  | 'a'
            'a'                     | 'a/+'                  | (none)
            'a'                     | 'a/+/#'                | (none)
            '+'                     | '+/#'                  | '+'
            'a/+'                   | '+/b'                  | 'a/b'
            'a/+/c'                 | '+/b/#'                | 'a/b/c'
            'a/b'                   | 'a/c'                  | (none)
            'a/+'                   | 'a/+/#'                | 'a/+'
            'a/#'                   | 'a/b/#'                | 'a/b/#'
            'a/#'                   | 'b/#'                  | (none)
            'a//b'                  | 'a/+/b'                | 'a//b'
            'a/b'                   | 'a/b'                  | 'a/b'
            'longlong/+'            | '+/longlong'           | 'longlong/longlong'
            'a/b/c'                 | 'a/b'                  | (none)
            """)
    void intersectsLevelByLevel(String a, String b, String expected) {
        Optional<String> want = expected.equals(NONE) ? Optional.empty() : Optional.of(expected);
        assertEquals(want, intersect(a, b), a + " ∩ " + b);
        assertEquals(want, intersect(b, a), b + " ∩ " + a);
    }

    @Test
    void returnsAnInputThatIsAlreadyTheIntersection() {
        TopicFilter narrow = filter("$devices/+/events/#");
        assertSame(narrow, TopicFilter.intersect(filter("$devices/#"), narrow).orElseThrow());
    }

    /**
     * The defining property, over every small filter pair and topic: the intersection matches a topic
     * exactly when both filters do, the '$' rule included.
     */
    @Test
    void matchesExactlyWhatBothFiltersMatch() {
        List<TopicFilter> filters = TopicUniverse.filters();
        List<TopicName> topics = TopicUniverse.topics();
        for (TopicFilter a : filters) {
            for (TopicFilter b : filters) {
                Optional<TopicFilter> both = TopicFilter.intersect(a, b);
                for (TopicName topic : topics) {
                    boolean expected = a.matches(topic) && b.matches(topic);
                    boolean actual = both.map(f -> f.matches(topic)).orElse(false);
                    if (expected != actual) {
                        fail(a + " ∩ " + b + " = " + both.map(TopicFilter::value).orElse(NONE)
                                + " on topic '" + topic + "': expected " + expected);
                    }
                }
            }
        }
    }

    private static Optional<String> intersect(String a, String b) {
        return TopicFilter.intersect(filter(a), filter(b)).map(TopicFilter::value);
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text, LIMIT);
    }
}
