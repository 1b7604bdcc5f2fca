package io.iotgate.tenancy;

import io.iotgate.routing.TopicName;

import java.util.Objects;
import java.util.Optional;

/** What {@link RegistryTopicPolicy#authorizePublish} decided about one PUBLISH. */
public sealed interface PublishDecision {

    /**
     * The client may publish; route the message under {@code realTopic}.
     *
     * @param realTopic      the topic after aliases and {@code $me} are resolved: what subscribers match
     * @param permanent      whether the topic is of the {@code state} or {@code config} family (or below), whose
     *                       last message the namespace keeps and hands to every new subscription
     *                       (IoT Core: permanent topics replace the retain flag of the registry model)
     * @param targetDeviceId the device a {@code $devices/<id>/...} topic belongs to, empty for
     *                       {@code $registries/...}; the registry rules do not know the registry's devices, so
     *                       {@link OwnDevicesOnly} refuses an ID that is not one of them
     *                       (IoT Core: nothing of another registry)
     */
    record Allowed(TopicName realTopic, boolean permanent, Optional<String> targetDeviceId)
            implements PublishDecision {

        public Allowed {
            Objects.requireNonNull(realTopic, "realTopic");
            Objects.requireNonNull(targetDeviceId, "targetDeviceId");
        }
    }

    /**
     * The client may not publish there (IoT Core: a forbidden PUBLISH closes the connection).
     *
     * @param reason names the client and the topic, for the connection log
     */
    record Denied(String reason, Cause cause) implements PublishDecision {

        /** Why: MQTT 5 tells a topic the client may not write from one that is no topic name at all. */
        public enum Cause { NOT_AUTHORIZED, INVALID_TOPIC }

        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        /** A valid topic the client may not write. */
        public Denied(String reason) {
            this(reason, Cause.NOT_AUTHORIZED);
        }

        /** Not a topic name by MQTT's rules or the folder's length limit, or it stands for one through an alias. */
        public static Denied invalidTopic(String reason) {
            return new Denied(reason, Cause.INVALID_TOPIC);
        }
    }
}
