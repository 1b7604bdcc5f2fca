package io.iotgate.tenancy.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two alias checks the API and {@link RegistryTopicPolicy} share. */
class TopicAliasRulesTest {

    @ParameterizedTest(name = "name ''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my/alias/     | true
            sensor/events | true
            a             | true
            ''            | false
            $me/device/   | false
            $devices/x    | false
            a/+           | false
            a/#           | false
            """)
    void validNames(String name, boolean valid) {
        assertEquals(valid, TopicAliasRules.isValidName(name));
    }

    @ParameterizedTest(name = "target ''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/d1/              | true
            $devices/d1/events        | true
            $devices/d1/../d2/events  | true
            $devices/d1               | false
            $devices/d10/events       | false
            $devices/d2/events        | false
            $devices/d1/events/+      | false
            $registries/r/commands    | false
            $me/device/events         | false
            """)
    void ownTargets(String target, boolean own) {
        assertEquals(own, TopicAliasRules.isOwnTarget(target, "d1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            $x                | $devices/d1/      | topicAliases[$x]: an alias
            ok                | $devices/d2/      | topicAliases[ok]: the target must be
            """)
    void problemWithReportsBrokenRules(String name, String target, String start) {
        String problem = TopicAliasRules.problemWith(Map.of(name, target), "d1", Map.of()).orElseThrow();
        assertEquals(start, problem.substring(0, start.length()));
    }
}
