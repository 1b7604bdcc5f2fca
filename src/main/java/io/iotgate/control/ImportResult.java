package io.iotgate.control;

import io.iotgate.model.ResourceKind;

import java.util.List;

/**
 * What an import did, or in a dry run would do, item by item. The only place a generated password ever
 * appears: it is not stored in any operation.
 */
public record ImportResult(String folderId, boolean dryRun, List<Item> items) {

    public enum Status {
        /** Created now, with its certificates and password. */
        CREATED,
        /** Exists already with these fields and certificates: nothing to do (its passwords are left alone). */
        UNCHANGED,
        /** Dry run: an import would create it. */
        WOULD_CREATE,
        /** Its ID, name or a certificate belongs to something else; its registry or broker was not imported. */
        CONFLICT,
        /** The export contradicts itself (a fingerprint that is not the certificate's); not imported. */
        INVALID,
        /** Would have been created, but another item of its registry failed, and a registry comes over whole. */
        SKIPPED
    }

    /**
     * @param registryId the device's registry; null for registries and brokers
     * @param password   a password generated for it, shown this once; null when the caller gave one or none was set
     * @param reason     why it was not imported; null unless CONFLICT, INVALID or SKIPPED
     */
    public record Item(ResourceKind kind, String id, String registryId, String name, Status status, String password,
                       String reason) {

        Item withStatus(Status newStatus, String newReason) {
            return new Item(kind, id, registryId, name, newStatus, password, newReason);
        }

        Item withPassword(String generated) {
            return new Item(kind, id, registryId, name, status, generated, reason);
        }

        boolean failed() {
            return status == Status.CONFLICT || status == Status.INVALID;
        }
    }
}
