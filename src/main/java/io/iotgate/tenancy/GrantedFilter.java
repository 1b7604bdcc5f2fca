package io.iotgate.tenancy;

import io.iotgate.routing.TopicFilter;

import java.util.Objects;

/**
 * One real filter a subscription was narrowed to, and how to name a matching message for the client.
 *
 * @param realFilter the filter to put in the namespace's trie; never broader than the client may read
 * @param rename     maps the real topic of a message matched by {@code realFilter} to the name the client
 *                   subscribed with ({@code $me/...} or an alias)
 */
public record GrantedFilter(TopicFilter realFilter, TopicRename rename) {

    public GrantedFilter {
        Objects.requireNonNull(realFilter, "realFilter");
        Objects.requireNonNull(rename, "rename");
    }
}
