package io.iotgate.routing;

import java.util.List;

/** Whoever receives messages: a session. Called on the publisher's thread; it must hand off, never block. */
public interface Subscriber {

    /**
     * @param grantedQos the QoS of the matching subscription; the session delivers at the lower of this and the message's
     * @param filters    the filters of this subscriber that matched, to translate the topic back to the client's name
     */
    void deliver(Message message, int grantedQos, List<TopicFilter> filters);
}
