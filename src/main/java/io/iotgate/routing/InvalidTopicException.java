package io.iotgate.routing;

/**
 * A topic name, topic filter or shared subscription that breaks the MQTT rules or our length limit.
 * The message names the problem and quotes the input, so the edge can log it once and refuse.
 */
public class InvalidTopicException extends RuntimeException {

    public InvalidTopicException(String message) {
        super(message);
    }
}
