package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.TopicPermissions;
import io.iotgate.tenancy.broker.TopicPermissionRules;

import java.util.List;

/**
 * Topic permissions as a caller sent them, before they are checked. A list left out allows nothing in that
 * direction: permissions are an allow-list, so forgetting one never opens more than was meant.
 */
public record RequestedPermissions(List<String> publish, List<String> subscribe) {

    /**
     * Checks the filters ({@link TopicPermissionRules}); failures name the field.
     *
     * @param requested null: the credential may use every topic
     * @return null for every topic, else the checked permissions
     */
    static TopicPermissions checked(ResourceKind ownerKind, RequestedPermissions requested) {
        if (requested == null) {
            return null;
        }
        if (ownerKind != ResourceKind.BROKER) {
            throw new InvalidArgument("permissions: only broker credentials carry topic permissions");
        }
        TopicPermissionRules.problemWith(requested.publish(), requested.subscribe()).ifPresent(problem -> {
            throw new InvalidArgument(problem);
        });
        return new TopicPermissions(orNone(requested.publish()), orNone(requested.subscribe()));
    }

    private static List<String> orNone(List<String> filters) {
        return filters == null ? List.of() : filters;
    }
}
