package io.iotgate.tenancy.registry;

import io.iotgate.model.DeviceMonitoringData;
import io.iotgate.model.MonitoringUpdate;
import io.iotgate.routing.Message;
import io.iotgate.routing.TopicName;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * IoT Core's monitoring topic of a device: {@code $monitoring/<deviceId>/json}, written only by the service,
 * at QoS 0, each time the device touches the server. Its JSON: {@code registry_id}, {@code device_id},
 * {@code last_auth_time}, {@code last_auth_ip}, {@code last_pub_activity_time}, {@code last_sub_activity_time},
 * {@code last_online_time}; times in UTC (RFC 3339), null until the event happens once.
 */
public final class MonitoringFeed {

    private MonitoringFeed() {
    }

    public static String topic(String deviceId) {
        return ClientTopicAccess.MONITORING + "/" + deviceId + "/json";
    }

    /** The message to route in the device's registry. */
    public static Message message(MonitoringUpdate update) {
        byte[] payload = json(update).getBytes(StandardCharsets.UTF_8);
        return new Message(TopicName.parse(topic(update.deviceId()), TopicName.MQTT_MAX_BYTES), payload, 0, false);
    }

    static String json(MonitoringUpdate update) {
        DeviceMonitoringData data = update.data();
        return new StringBuilder(256).append('{')
                .append("\"registry_id\":").append(text(update.registryId()))
                .append(",\"device_id\":").append(text(update.deviceId()))
                .append(",\"last_auth_time\":").append(time(data.lastAuthTime()))
                .append(",\"last_auth_ip\":").append(text(data.lastAuthIp()))
                .append(",\"last_pub_activity_time\":").append(time(data.lastPubActivityTime()))
                .append(",\"last_sub_activity_time\":").append(time(data.lastSubActivityTime()))
                .append(",\"last_online_time\":").append(time(data.lastOnlineTime()))
                .append('}').toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }

    private static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
