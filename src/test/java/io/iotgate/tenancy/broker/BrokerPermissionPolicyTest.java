package io.iotgate.tenancy.broker;

import io.iotgate.model.TopicPermissions;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The broker policy of a credential limited to {@code publish: [sensors/#, cmd/+/set]} and
 * {@code subscribe: [alerts/+, log/#]}: publish where a filter matches, subscribe where one filter covers the
 * whole requested filter, granted as asked.
 */
class BrokerPermissionPolicyTest {

    private final BrokerTopicPolicy limited = new BrokerTopicPolicy(1024, Optional.of(new TopicPermissions(
            List.of("sensors/#", "cmd/+/set"), List.of("alerts/+", "log/#"))));
    private final BrokerTopicPolicy unrestricted = new BrokerTopicPolicy(1024);

    @ParameterizedTest(name = "publish {0}: {1}")
    @CsvSource({
            "sensors,             true",   // '#' also matches its parent level [MQTT-4.7.1-2]
            "sensors/1/temp,      true",
            "cmd/7/set,           true",
            "cmd/7/set/x,         false",
            "cmd/7,               false",
            "alerts/fire,         false",
            "other,               false",
            "sensorsX/1,          false",
    })
    void publish(String topic, boolean allowed) {
        assertEquals(allowed, limited.authorizePublish(topic) instanceof PublishDecision.Allowed, topic);
        assertInstanceOf(PublishDecision.Allowed.class, unrestricted.authorizePublish(topic));
    }

    @ParameterizedTest(name = "subscribe {0}: {1}")
    @CsvSource({
            "alerts/+,            true",
            "alerts/fire,         true",
            "log/#,               true",
            "log,                 true",
            "log/a/+/b,           true",
            "log/+,               true",
            "alerts/#,            false",  // also matches alerts/a/b, outside alerts/+
            "alerts,              false",
            "+/fire,              false",  // overlaps alerts/+ but also matches x/fire
            "#,                   false",
            "+/#,                 false",
            "sensors/1,           false",  // publish only
    })
    void subscribe(String filter, boolean granted) {
        SubscribeDecision decision = limited.authorizeSubscribe(filter);
        assertEquals(granted, decision instanceof SubscribeDecision.Granted, filter);
        if (decision instanceof SubscribeDecision.Granted ok) {
            assertEquals(filter, ok.filters().get(0).realFilter().value(), "granted as asked, never narrowed");
        }
        assertInstanceOf(SubscribeDecision.Granted.class, unrestricted.authorizeSubscribe(filter));
    }
}
