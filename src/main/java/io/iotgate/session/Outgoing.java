package io.iotgate.session;

import io.iotgate.routing.Message;

/**
 * A message on its way to one client: the name the client subscribed with, the QoS it is delivered at
 * (the lower of the message's and the subscription's) and the retain flag it carries.
 */
public record Outgoing(Message message, String clientTopic, int qos, boolean retain) {}
