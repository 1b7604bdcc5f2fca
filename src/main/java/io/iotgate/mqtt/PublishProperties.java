package io.iotgate.mqtt;

import io.iotgate.model.MessageProperties;
import io.iotgate.model.MessageProperties.UserProperty;
import io.iotgate.routing.Message;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

import java.util.ArrayList;
import java.util.List;

/** The MQTT 5 properties of a PUBLISH (or a will) as received, and as written again to each receiver. */
final class PublishProperties {

    private PublishProperties() {
    }

    /** What a publisher's properties hand on to receivers; the topic alias and expiry are handled apart. */
    static MessageProperties received(MqttProperties properties) {
        if (properties == null || properties.isEmpty()) {
            return MessageProperties.NONE;
        }
        List<UserProperty> userProperties = new ArrayList<>();
        for (MqttProperty<?> property : properties.getProperties(MqttPropertyType.USER_PROPERTY.value())) {
            if (property.value() instanceof MqttProperties.StringPair pair) {
                userProperties.add(new UserProperty(pair.key, pair.value));
            }
        }
        return new MessageProperties((Integer) value(properties, MqttPropertyType.PAYLOAD_FORMAT_INDICATOR),
                (String) value(properties, MqttPropertyType.CONTENT_TYPE),
                (String) value(properties, MqttPropertyType.RESPONSE_TOPIC),
                (byte[]) value(properties, MqttPropertyType.CORRELATION_DATA), userProperties);
    }

    /** The properties of one delivery to an MQTT 5 client, with the expiry interval left at {@code now}. */
    static MqttProperties forDelivery(Message message, long now) {
        MessageProperties given = message.properties();
        if (!message.expires() && given.isEmpty()) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        if (message.expires()) {
            properties.add(integer(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL, message.secondsLeftAt(now))); // [MQTT-3.3.2-6]
        }
        if (given.payloadFormat() != null) {
            properties.add(integer(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR, given.payloadFormat()));
        }
        if (given.contentType() != null) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(), given.contentType()));
        }
        if (given.responseTopic() != null) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(), given.responseTopic()));
        }
        if (given.correlationData() != null) {
            properties.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(), given.correlationData()));
        }
        for (UserProperty user : given.userProperties()) {
            properties.add(new MqttProperties.UserProperty(user.name(), user.value()));
        }
        return properties;
    }

    private static Object value(MqttProperties properties, MqttPropertyType type) {
        MqttProperty<?> property = properties.getProperty(type.value());
        return property == null ? null : property.value();
    }

    private static MqttProperties.IntegerProperty integer(MqttPropertyType type, int value) {
        return new MqttProperties.IntegerProperty(type.value(), value);
    }
}
