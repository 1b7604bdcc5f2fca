package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetainedMessagesTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;
    private static final List<String> KEPT = List.of(
            "sport", "sport/tennis/player1", "sport/tennis/player2", "sport/golf", "/finance", "$SYS/uptime",
            "$devices/d1/state", "$devices/d2/state/x", "a//b");

    private final RetainedMessages<String> retained = new RetainedMessages<>();

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "sport/tennis/+"       | "sport/tennis/player1,sport/tennis/player2"
            "sport/#"              | "sport,sport/tennis/player1,sport/tennis/player2,sport/golf"
            "sport"                | "sport"
            "sport/tennis"         | ""
            "#"                    | "sport,sport/tennis/player1,sport/tennis/player2,sport/golf,/finance,a//b"
            "+/+"                  | "sport/golf,/finance"
            "$SYS/#"               | "$SYS/uptime"
            "+/uptime"             | ""
            "$devices/+/state/#"   | "$devices/d1/state,$devices/d2/state/x"
            "a/+/b"                | "a//b"
            "a//b"                 | "a//b"
            """)
    void findsWhatTheFilterMatches(String filter, String expected) {
        KEPT.forEach(t -> retained.retain(topic(t), "msg:" + t));

        Set<String> topics = retained.matching(TopicFilter.parse(filter, LIMIT)).stream()
                .peek(r -> assertEquals("msg:" + r.topic(), r.message()))
                .map(r -> r.topic().value()).collect(Collectors.toSet());

        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected.split(",")), topics);
    }

    @Test
    void keepsTheLastMessagePerTopic() {
        retained.retain(topic("a"), "first");
        retained.retain(topic("a"), "second"); // [MQTT-3.3.1-5]

        assertEquals(Optional.of("second"), retained.get(topic("a")));
        assertEquals(1, retained.size());
    }

    @Test
    void removesWhenTheCallerSaysSo() {
        retained.retain(topic("a"), "m");

        assertTrue(retained.remove(topic("a")));
        assertFalse(retained.remove(topic("a")));
        assertEquals(Optional.empty(), retained.get(topic("a")));
        assertTrue(retained.matching(TopicFilter.parse("#", LIMIT)).isEmpty());
        assertTrue(retained.isEmpty());
    }

    private static TopicName topic(String text) {
        return TopicName.parse(text, LIMIT);
    }
}
