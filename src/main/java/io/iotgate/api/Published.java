package io.iotgate.api;

import java.util.Map;

/** What the publish calls take and answer alike. */
final class Published {

    /** IoT Core answers a publish with an empty object. */
    static final Map<String, Object> ANSWER = Map.of();

    private Published() {
    }

    /** No body at all reads as one without fields, so the answer names the missing {@code topic}. */
    static Requests.PublishData orEmpty(Requests.PublishData body) {
        return body == null ? new Requests.PublishData(null, null) : body;
    }
}
