package io.iotgate.tenancy.broker;

import io.iotgate.model.TopicPermissions;
import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;

import java.util.List;
import java.util.Optional;

/** The topics the credential a broker client logged in with lets it use: all of them, or those its permissions name. */
sealed interface CredentialTopics {

    boolean mayPublish(TopicName topic);

    boolean maySubscribe(TopicFilter filter);

    static CredentialTopics of(Optional<TopicPermissions> permissions) {
        return permissions.<CredentialTopics>map(Limited::of).orElse(new Every());
    }

    /** IoT Core: every client of a broker reads and writes all of its topics. */
    record Every() implements CredentialTopics {

        @Override
        public boolean mayPublish(TopicName topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(TopicFilter filter) {
            return true;
        }
    }

    /**
     * A PUBLISH needs a publish filter matching its topic. A SUBSCRIBE needs one subscribe filter covering the
     * whole requested filter (every topic it matches is matched by the permission too); it is granted as asked
     * or refused, never narrowed, so a broker client receives exactly what its own filter names.
     */
    record Limited(List<TopicFilter> publish, List<TopicFilter> subscribe) implements CredentialTopics {

        static Limited of(TopicPermissions permissions) {
            return new Limited(parse(permissions.publish()), parse(permissions.subscribe()));
        }

        private static List<TopicFilter> parse(List<String> filters) {
            // Checked by TopicPermissionRules when stored; the largest limit keeps stored filters valid.
            return filters.stream().map(f -> TopicFilter.parse(f, TopicName.MQTT_MAX_BYTES)).toList();
        }

        @Override
        public boolean mayPublish(TopicName topic) {
            return publish.stream().anyMatch(filter -> filter.matches(topic));
        }

        @Override
        public boolean maySubscribe(TopicFilter requested) {
            // requested ⊆ permission exactly when their intersection is the requested filter itself.
            return subscribe.stream().anyMatch(permission -> TopicFilter.intersect(permission, requested)
                    .filter(requested::equals).isPresent());
        }
    }
}
