package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.TopicRename;

import io.iotgate.tenancy.TopicRename.PrefixSwap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicRenameTest {

    @ParameterizedTest(name = "''{0}'' for ''{1}'': ''{2}'' -> ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            $devices/d/   | $me/device/ | $devices/d/commands/x | $me/device/commands/x
            $devices/d/   | $me/device/ | $devices/d/           | $me/device/
            $devices/d/commands/ | cmd/ | $devices/d/commands/x | cmd/x
            $devices/d/commands/ | cmd/ | $devices/d/commands   | cmd
            $devices/d/config    | cfg  | $devices/d/config     | cfg
            $devices/d/config    | cfg  | $devices/d/config/a   | cfg/a
            """)
    void swapsTheRealPrefixForTheClientsName(String real, String client, String topic, String expected) {
        assertEquals(expected, new PrefixSwap(real, client).clientTopic(topic));
    }

    @Test
    void refusesTopicsOutsideThePrefix() {
        PrefixSwap swap = new PrefixSwap("$devices/d/commands/", "cmd/");
        assertThrows(IllegalArgumentException.class, () -> swap.clientTopic("$devices/d/config/x"));
        assertThrows(IllegalArgumentException.class, () -> swap.clientTopic("$devices/d/command"));
        PrefixSwap noSlash = new PrefixSwap("$devices/d/commands/", "c");
        assertThrows(IllegalArgumentException.class, () -> noSlash.clientTopic("$devices/d/commands"));
    }

    @Test
    void unchangedKeepsTheRealTopic() {
        assertEquals("$devices/d/events", TopicRename.UNCHANGED.clientTopic("$devices/d/events"));
    }
}
