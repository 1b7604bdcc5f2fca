package io.iotgate.tenancy.broker;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What topic permissions may hold: valid MQTT filters of the broker's own topics, each problem naming its field. */
class TopicPermissionRulesTest {

    @Test
    void validFiltersPass() {
        assertEquals(Optional.empty(), TopicPermissionRules.problemWith(List.of("#", "a/+/b", "a/b/#", "/"), null));
        assertEquals(Optional.empty(), TopicPermissionRules.problemWith(List.of(), List.of()));
    }

    @Test
    void eachProblemNamesTheFieldAndIndex() {
        assertProblem("permissions.publish[1]:", List.of("ok", "a/#/b"), List.of());
        assertProblem("permissions.publish[0]:", List.of("a+"), List.of());
        assertProblem("permissions.subscribe[0]:", List.of(), List.of("$SYS/#"));
        assertProblem("permissions.subscribe[0]:", List.of(), List.of("$share/g/a"));
        assertProblem("permissions.subscribe[2]:", List.of(), Arrays.asList("a", "b", null));
        assertProblem("permissions.publish[0]:", List.of(""), List.of());
        assertProblem("permissions.publish[0]:", List.of("a\u0000b"), List.of());
        assertProblem("permissions.subscribe:", List.of(), new ArrayList<>(Collections.nCopies(101, "a")));
    }

    private static void assertProblem(String prefix, List<String> publish, List<String> subscribe) {
        var problem = TopicPermissionRules.problemWith(publish, subscribe);
        assertTrue(problem.isPresent() && problem.get().startsWith(prefix), prefix + " expected, got " + problem);
    }
}
