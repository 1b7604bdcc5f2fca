package io.iotgate.session;

import io.iotgate.model.Namespace;

/** A client ID is unique inside its namespace only: the same ID in another registry is another client. */
public record SessionKey(Namespace namespace, String clientId) {}
