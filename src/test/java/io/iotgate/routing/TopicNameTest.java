package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicNameTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;

    @ParameterizedTest(name = "''{0}'' is a valid topic name")
    @ValueSource(strings = {
            "a", "a/b", "/", "//", "/a", "a/", "a//b", " ", "a b/c", "$SYS/broker", "$devices/abc/events",
            "sport/tennis/player1", "температура/датчик", "emoji/\uD83D\uDE00", "a$/b$", "$", "ACCOUNTS"})
    void acceptsValidNames(String text) {
        assertEquals(text, TopicName.parse(text, LIMIT).value());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | empty
            '+'         | wildcard '+'
            '#'         | wildcard '#'
            'a/+'       | wildcard '+'
            'a/#'       | wildcard '#'
            'a+'        | wildcard '+'
            'sport/#a'  | wildcard '#'
            """)
    void refusesInvalidNames(String text, String problem) {
        InvalidTopicException refused = assertThrows(InvalidTopicException.class, () -> TopicName.parse(text, LIMIT));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void refusesNullCharacter() {
        InvalidTopicException refused = assertThrows(InvalidTopicException.class,
                () -> TopicName.parse("a/\u0000b", LIMIT)); // [MQTT-4.7.3-2]
        assertTrue(refused.getMessage().contains("U+0000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800", "\uDC00a", "a\uDC00\uD800"})
    void refusesUnpairedSurrogates(String text) {
        assertThrows(InvalidTopicException.class, () -> TopicName.parse(text, LIMIT)); // [MQTT-1.5.3-1]
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidTopicException.class, () -> TopicName.parse(null, LIMIT));
    }

    @ParameterizedTest(name = "''{0}'' takes {1} bytes of UTF-8")
    @CsvSource(delimiter = '|', textBlock = """
            a                | 1
            é                | 2
            €                | 3
            \uD83D\uDE00     | 4
            """)
    void countsUtf8BytesAgainstTheLimit(String unit, int bytesPerUnit) {
        int units = 10;
        String text = unit.repeat(units);
        int bytes = units * bytesPerUnit;
        assertEquals(text, TopicName.parse(text, bytes).value());
        InvalidTopicException refused = assertThrows(InvalidTopicException.class, () -> TopicName.parse(text, bytes - 1));
        assertTrue(refused.getMessage().contains("limit"), refused.getMessage());
    }

    @Test
    void acceptsTheDefaultLimitExactly() {
        assertEquals(1024, TopicName.DEFAULT_MAX_BYTES);
        TopicName.parse("x".repeat(1024), LIMIT);
        assertThrows(InvalidTopicException.class, () -> TopicName.parse("x".repeat(1025), LIMIT));
        TopicName.parse("x".repeat(65_535), TopicName.MQTT_MAX_BYTES);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void refusesALimitMqttCannotCarry(int limit) {
        assertThrows(IllegalArgumentException.class, () -> TopicName.parse("a", limit));
    }

    @ParameterizedTest(name = "''{0}'' has levels {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'a'        | a
            'a/b/c'    | a,b,c
            '/a'       | ,a
            'a/'       | a,
            'a//b'     | a,,b
            '/'        | ,
            '//'       | ,,
            """)
    void splitsIntoLevelsKeepingEmptyOnes(String text, String commaSeparatedLevels) {
        List<String> expected = List.of(commaSeparatedLevels.split(",", -1));
        assertEquals(expected, TopicName.parse(text, LIMIT).levels());
    }

    @Test
    void levelsCannotBeChanged() {
        List<String> levels = TopicName.parse("a/b", LIMIT).levels();
        assertThrows(UnsupportedOperationException.class, () -> levels.set(0, "x"));
    }

    @Test
    void equalsByText() {
        assertEquals(TopicName.parse("a/b", LIMIT), TopicName.parse("a/b", 10));
        assertEquals(TopicName.parse("a/b", LIMIT).hashCode(), TopicName.parse("a/b", 10).hashCode());
        assertNotEquals(TopicName.parse("a/b", LIMIT), TopicName.parse("a/b/", LIMIT));
        assertEquals("a/b", TopicName.parse("a/b", LIMIT).toString());
    }

    @Test
    void knowsDollarTopics() {
        assertTrue(TopicName.parse("$SYS/x", LIMIT).isDollarTopic());
        assertFalse(TopicName.parse("a/$SYS", LIMIT).isDollarTopic());
    }
}
