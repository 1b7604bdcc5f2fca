package io.iotgate.model;

import java.util.List;

/**
 * The topic filters a broker password or certificate is limited to (iotgate beyond IoT Core). A credential
 * without permissions may use every topic of its broker, as in IoT Core; with permissions it may publish only
 * to topics a {@code publish} filter matches and subscribe only to filters a {@code subscribe} filter covers.
 * An empty list allows nothing in that direction.
 */
public record TopicPermissions(List<String> publish, List<String> subscribe) {

    public TopicPermissions {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }
}
