package io.iotgate.session;

import io.iotgate.model.Namespace;

/**
 * Where a session reports a message it could not keep (its queue was full): a drop is never silent.
 * The edge implements it with the namespace's metrics.
 */
public interface MessageDrops {

    void dropped(Namespace namespace, int qos);
}
