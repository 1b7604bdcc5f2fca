package io.iotgate.tenancy;

/**
 * What one connected client may publish and subscribe to in its namespace, and what its topic names
 * really mean. One instance per connection; the edge asks it for every PUBLISH and SUBSCRIBE.
 */
public interface TopicPolicy {

    PublishDecision authorizePublish(String topic);

    SubscribeDecision authorizeSubscribe(String filter);
}
