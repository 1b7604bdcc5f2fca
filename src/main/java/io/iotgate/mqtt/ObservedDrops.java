package io.iotgate.mqtt;

import io.iotgate.model.Namespace;
import io.iotgate.observe.GatewayActivity;
import io.iotgate.session.MessageDrops;
import jakarta.enterprise.context.ApplicationScoped;

/** Session drops counted in the namespace's {@code iotgate_messages_dropped_total}. */
@ApplicationScoped
class ObservedDrops implements MessageDrops {

    private final GatewayActivity activity;

    ObservedDrops(GatewayActivity activity) {
        this.activity = activity;
    }

    @Override
    public void dropped(Namespace namespace, int qos) {
        activity.dropped(namespace, qos);
    }
}
