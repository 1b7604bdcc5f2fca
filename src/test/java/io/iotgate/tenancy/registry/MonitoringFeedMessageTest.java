package io.iotgate.tenancy.registry;

import io.iotgate.model.DeviceMonitoringData;
import io.iotgate.model.MonitoringUpdate;
import io.iotgate.routing.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The message of IoT Core's monitoring topic: where it goes, at which QoS, and its JSON. */
class MonitoringFeedMessageTest {

    @Test
    void aDeviceThatOnlyConnectedHasNullActivityTimes() {
        Instant auth = Instant.parse("2026-11-28T17:00:00.123Z");
        Message message = MonitoringFeed.message(new MonitoringUpdate("are1", "ard1",
                new DeviceMonitoringData("10.0.0.7", auth, null, null, auth, null)));

        assertEquals("$monitoring/ard1/json", message.topic().value());
        assertEquals(0, message.qos());
        assertFalse(message.retain());
        assertEquals("{\"registry_id\":\"are1\",\"device_id\":\"ard1\",\"last_auth_time\":\"2026-11-28T17:00:00.123Z\","
                + "\"last_auth_ip\":\"10.0.0.7\",\"last_pub_activity_time\":null,\"last_sub_activity_time\":null,"
                + "\"last_online_time\":\"2026-11-28T17:00:00.123Z\"}",
                new String(message.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void textIsEscapedSoTheJsonStaysValid() {
        String json = MonitoringFeed.json(new MonitoringUpdate("are1", "ard1",
                new DeviceMonitoringData("a\"b\\c\n", null, null, null, null, null)));
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"last_auth_ip\":\"a\\\"b\\\\c\\u000a\""), json);
        new io.vertx.core.json.JsonObject(json);
    }
}
