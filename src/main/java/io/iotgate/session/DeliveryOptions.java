package io.iotgate.session;

/**
 * MQTT 5 subscription options that change what a session delivers.
 *
 * @param noLocal           do not send the client its own messages [MQTT-3.8.3-3]
 * @param retainAsPublished keep the retain flag of forwarded messages [MQTT-3.3.1-12]
 */
public record DeliveryOptions(boolean noLocal, boolean retainAsPublished) {

    /** MQTT 3.1.1 and the MQTT 5 defaults. */
    public static final DeliveryOptions DEFAULT = new DeliveryOptions(false, false);
}
