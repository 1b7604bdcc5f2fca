package io.iotgate.mqtt;

import io.iotgate.identity.AuthenticationFailure;
import io.iotgate.tenancy.LimitBreach;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;

/** The one place where iotgate's refusals become the reason codes of MQTT 3.1.1 and MQTT 5. */
final class ReasonCodes {

    static final int MQTT_5 = 5;

    private ReasonCodes() {
    }

    static MqttConnectReturnCode connack(AuthenticationFailure.Reason reason, int protocolVersion) {
        boolean v5 = protocolVersion >= MQTT_5;
        return switch (reason) {
            case BAD_CREDENTIALS -> v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED -> v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
            case THROTTLED -> v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
        };
    }

    /**
     * A refused filter: 0x80 in 3.1.1 [MQTT-3.9.3-2]; in 5, so the client knows why, 0x87 for a filter it may
     * not read and 0x8F for one that is no valid filter.
     */
    static MqttSubAckReasonCode refusedFilter(SubscribeDecision.Refused refused, int protocolVersion) {
        if (protocolVersion < MQTT_5) {
            return MqttSubAckReasonCode.UNSPECIFIED_ERROR;
        }
        return switch (refused.cause()) {
            case NOT_AUTHORIZED -> MqttSubAckReasonCode.NOT_AUTHORIZED;
            case INVALID_FILTER -> MqttSubAckReasonCode.TOPIC_FILTER_INVALID;
        };
    }

    /**
     * A filter over the session's subscription quota: 0x80 in 3.1.1 (its only failure code); 0x97 quota
     * exceeded in 5, which a SUBACK may carry [MQTT-3.9.3], so the client knows why.
     */
    static MqttSubAckReasonCode overQuota(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttSubAckReasonCode.QUOTA_EXCEEDED : MqttSubAckReasonCode.UNSPECIFIED_ERROR;
    }

    /**
     * Why a PUBLISH over a folder limit ends the connection (MQTT 5 DISCONNECT; 3.1.1 has no reason and
     * simply closes). A refusing PUBACK would not do: 0x95 is no PUBACK reason code, and a QoS 0 PUBLISH has
     * no acknowledgement at all, so only a DISCONNECT tells every client the same thing.
     */
    static MqttDisconnectReasonCode disconnect(LimitBreach breach) {
        return switch (breach) {
            case PAYLOAD_TOO_LARGE -> MqttDisconnectReasonCode.PACKET_TOO_LARGE;          // 0x95
            case PUBLISH_RATE_EXCEEDED -> MqttDisconnectReasonCode.MESSAGE_RATE_TOO_HIGH; // 0x96
            case SUBSCRIPTION_QUOTA_EXCEEDED -> MqttDisconnectReasonCode.QUOTA_EXCEEDED;   // 0x97
        };
    }

    /** Why a refused PUBLISH ends the connection (IoT Core closes it): 0x87, or 0x90 for an invalid topic name. */
    static MqttDisconnectReasonCode refusedPublish(PublishDecision.Denied denied) {
        return switch (denied.cause()) {
            case NOT_AUTHORIZED -> MqttDisconnectReasonCode.NOT_AUTHORIZED;
            case INVALID_TOPIC -> MqttDisconnectReasonCode.TOPIC_NAME_INVALID;
        };
    }

    static MqttSubAckReasonCode granted(int qos) {
        return MqttSubAckReasonCode.qosGranted(io.netty.handler.codec.mqtt.MqttQoS.valueOf(qos));
    }
}
