package io.iotgate.model;

import java.time.Instant;
import java.util.Map;

/**
 * The record of one control-plane change, as IoT Core returns it. {@code metadata} names the resource,
 * {@code response} holds the resulting resource (absent for deletions) and {@code error} a failure.
 * {@code folderId} and {@code resourceId} scope it and are not shown.
 */
public record Operation(String id, @com.fasterxml.jackson.annotation.JsonIgnore String folderId,
                        @com.fasterxml.jackson.annotation.JsonIgnore String resourceId, String description,
                        Instant createdAt, String createdBy, Instant modifiedAt, boolean done,
                        Map<String, Object> metadata, Object response, OperationError error) {

    public record OperationError(int code, String message) {}
}
