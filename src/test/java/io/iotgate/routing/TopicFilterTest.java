package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicFilterTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;

    @ParameterizedTest(name = "''{0}'' is a valid filter")
    @ValueSource(strings = {
            "#", "+", "+/+", "/+", "+/", "a/#", "/#", "+/#", "a/+/b", "sport/tennis/+", "sport/tennis/player1/#",
            "a//b", "/a", "a/", "//", "$SYS/#", "$SYS/monitor/+", "$devices/+/events/#", "a/+/+/#", "$share/g/a"})
    void acceptsValidFilters(String text) {
        assertEquals(text, TopicFilter.parse(text, LIMIT).value());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""              | empty
            "a/#/b"         | '#' must stand alone in the last level
            "#/a"           | '#' must stand alone in the last level
            "#a"            | '#' must stand alone in the last level
            "a#"            | '#' must stand alone in the last level
            "a/b#"          | '#' must stand alone in the last level
            "sport/tennis#" | '#' must stand alone in the last level
            "##"            | '#' must stand alone in the last level
            "+/+#"          | '#' must stand alone in the last level
            "a+"            | '+' must stand alone in its level
            "+a"            | '+' must stand alone in its level
            "a/++/b"        | '+' must stand alone in its level
            "sport+"        | '+' must stand alone in its level
            """)
    void refusesInvalidFilters(String text, String problem) {
        InvalidTopicException refused = assertThrows(InvalidTopicException.class, () -> TopicFilter.parse(text, LIMIT));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void refusesNullCharacterAndOverlongFilters() {
        assertThrows(InvalidTopicException.class, () -> TopicFilter.parse("a/\u0000", LIMIT));
        assertThrows(InvalidTopicException.class, () -> TopicFilter.parse("+/" + "x".repeat(1023), LIMIT));
        TopicFilter.parse("+/" + "x".repeat(1022), LIMIT);
    }

    /** The examples of MQTT 3.1.1 section 4.7 and the edge cases around them. */
    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', textBlock = """
            'sport/tennis/player1/#' | 'sport/tennis/player1'                  | true
            'sport/tennis/player1/#' | 'sport/tennis/player1/ranking'          | true
            'sport/tennis/player1/#' | 'sport/tennis/player1/score/wimbledon'  | true
            'sport/#'                | 'sport'                                 | true
            'sport/#'                | 'sports'                                | false
            '#'                      | 'sport/tennis'                          | true
            '#'                      | '/'                                     | true
            '#'                      | 'a'                                     | true
            'sport/tennis/+'         | 'sport/tennis/player1'                  | true
            'sport/tennis/+'         | 'sport/tennis/player2'                  | true
            'sport/tennis/+'         | 'sport/tennis/player1/ranking'          | false
            'sport/+'                | 'sport'                                 | false
            'sport/+'                | 'sport/'                                | true
            '+'                      | 'sport'                                 | true
            '+/+'                    | '/finance'                              | true
            '/+'                     | '/finance'                              | true
            '+'                      | '/finance'                              | false
            '+/tennis/#'             | 'sport/tennis/player1'                  | true
            '+/tennis/#'             | 'sport/tennis'                          | true
            '+/tennis/#'             | 'sport/golf'                            | false
            '#'                      | '$SYS/x'                                | false
            '+/x'                    | '$SYS/x'                                | false
            '+/monitor/Clients'      | '$SYS/monitor/Clients'                  | false
            '$SYS/#'                 | '$SYS/monitor/Clients'                  | true
            '$SYS/#'                 | '$SYS'                                  | true
            '$SYS/monitor/+'         | '$SYS/monitor/Clients'                  | true
            '#'                      | '$'                                     | false
            '+'                      | '$'                                     | false
            '$'                      | '$'                                     | true
            'a/+'                    | 'a/$b'                                  | true
            'a/#'                    | 'a/$b/c'                                | true
            'a/+'                    | 'a'                                     | false
            'a/+/#'                  | 'a/b'                                   | true
            'a/+/#'                  | 'a'                                     | false
            'a/+/#'                  | 'a/'                                    | true
            'a/#'                    | 'ab'                                    | false
            'a/#'                    | 'a/'                                    | true
            'a//b'                   | 'a//b'                                  | true
            'a/+/b'                  | 'a//b'                                  | true
            'a/b'                    | 'a/b/'                                  | false
            'a/b/'                   | 'a/b'                                   | false
            'a/b/+'                  | 'a/b/'                                  | true
            '/#'                     | '/'                                     | true
            '/#'                     | 'a'                                     | false
            'ACCOUNTS'               | 'Accounts'                              | false
            'sensor/+'               | 'sensor/температура'                    | true
            'a/b/c'                  | 'a/b'                                   | false
            'a/b'                    | 'a/b/c'                                 | false
            """)
    void matchesLikeTheSpec(String filter, String topic, boolean expected) {
        assertEquals(expected, TopicFilter.parse(filter, LIMIT).matches(TopicName.parse(topic, LIMIT)));
    }

    @Test
    void filterWithoutWildcardsMatchesOnlyItsOwnText() {
        TopicFilter filter = TopicFilter.parse("a/b", LIMIT);
        assertFalse(filter.hasWildcards());
        assertTrue(filter.matches(TopicName.parse("a/b", LIMIT)));
        assertTrue(TopicFilter.parse("a/+", LIMIT).hasWildcards());
        assertTrue(TopicFilter.parse("#", LIMIT).hasWildcards());
    }

    @Test
    void equalsByText() {
        assertEquals(TopicFilter.parse("a/+", LIMIT), TopicFilter.parse("a/+", 5));
        assertEquals("a/+", TopicFilter.parse("a/+", LIMIT).toString());
    }
}
