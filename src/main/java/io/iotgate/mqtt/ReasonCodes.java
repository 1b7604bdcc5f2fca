package io.iotgate.mqtt;

import io.iotgate.identity.AuthenticationFailure;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
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

    /** A refused filter: 0x80 in 3.1.1 [MQTT-3.9.3-2]; NOT_AUTHORIZED in 5, so the client knows why. */
    static MqttSubAckReasonCode refusedFilter(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttSubAckReasonCode.NOT_AUTHORIZED : MqttSubAckReasonCode.UNSPECIFIED_ERROR;
    }

    static MqttSubAckReasonCode granted(int qos) {
        return MqttSubAckReasonCode.qosGranted(io.netty.handler.codec.mqtt.MqttQoS.valueOf(qos));
    }
}
