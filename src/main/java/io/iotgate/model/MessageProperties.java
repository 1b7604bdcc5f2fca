package io.iotgate.model;

import java.util.List;

/**
 * The MQTT 5 properties a PUBLISH hands on to its receivers unaltered: payload format [MQTT-3.3.2-4],
 * response topic [MQTT-3.3.2-15], correlation data [MQTT-3.3.2-16], user properties in their order
 * [MQTT-3.3.2-17, -18] and content type [MQTT-3.3.2-20]. MQTT 3.1.1 clients neither send nor see them.
 *
 * @param payloadFormat   1 for UTF-8 text, 0 for bytes, {@code null} when not given
 * @param correlationData never changed after construction, like the payload
 */
public record MessageProperties(Integer payloadFormat, String contentType, String responseTopic, byte[] correlationData,
                                List<UserProperty> userProperties) {

    public static final MessageProperties NONE = new MessageProperties(null, null, null, null, List.of());

    public record UserProperty(String name, String value) {}

    public MessageProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return payloadFormat == null && contentType == null && responseTopic == null && correlationData == null
                && userProperties.isEmpty();
    }
}
