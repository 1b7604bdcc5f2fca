package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedSubscriptionTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;

    @ParameterizedTest(name = "''{0}'' is group ''{1}'' on ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            '$share/g/a/b'          | g        | 'a/b'
            '$share/workers/#'      | workers  | '#'
            '$share/g/+/events/#'   | g        | '+/events/#'
            '$share/g//a'           | g        | '/a'
            '$share/g/$devices/#'   | g        | '$devices/#'
            '$share/$g/a'           | $g       | 'a'
            """)
    void parsesGroupAndFilter(String text, String group, String filter) {
        SharedSubscription shared = SharedSubscription.parse(text, LIMIT);
        assertEquals(group, shared.group());
        assertEquals(TopicFilter.parse(filter, LIMIT), shared.filter());
        assertEquals(text, shared.toString());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "$share/"         | no topic filter
            "$share/g"        | no topic filter
            "$share//a"       | empty group
            "$share/g/"       | empty
            "$share/g+/a"     | group may not contain '+'
            "$share/+/a"      | group may not contain '+'
            "$share/g#/a"     | group may not contain '#'
            "$share/#/a"      | group may not contain '#'
            "$share/g/a/#/b"  | '#' must stand alone
            "$share/g/a+"     | '+' must stand alone
            "$shared/g/a"     | does not start with $share/
            "a/b"             | does not start with $share/
            """)
    void refusesInvalidForms(String text, String problem) {
        InvalidTopicException refused = assertThrows(InvalidTopicException.class,
                () -> SharedSubscription.parse(text, LIMIT));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share/g/a", "$share/", "$share/g"})
    void recognisesTheSharedPrefix(String text) {
        assertTrue(SharedSubscription.isShared(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share", "$SHARE/g/a", "a/$share/g/a", "$sharex/g/a", "#"})
    void leavesOtherFiltersAlone(String text) {
        assertFalse(SharedSubscription.isShared(text));
    }

    @Test
    void appliesTheLengthLimitToTheWholeText() {
        String text = "$share/g/" + "x".repeat(10);
        SharedSubscription.parse(text, text.length());
        assertThrows(InvalidTopicException.class, () -> SharedSubscription.parse(text, text.length() - 1));
    }

    @Test
    void constructorChecksTheGroupToo() {
        TopicFilter filter = TopicFilter.parse("a", LIMIT);
        assertThrows(InvalidTopicException.class, () -> new SharedSubscription("a/b", filter));
        assertThrows(InvalidTopicException.class, () -> new SharedSubscription("", filter));
        assertThrows(NullPointerException.class, () -> new SharedSubscription("g", null));
    }
}
