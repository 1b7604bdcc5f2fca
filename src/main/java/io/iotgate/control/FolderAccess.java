package io.iotgate.control;

import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.control.ControlFailure.PermissionDenied;

/**
 * The one place that decides whether a caller may act in a folder. A folder the caller holds no role on
 * answers exactly as a missing resource does, so IDs and names of other tenants never leak.
 */
final class FolderAccess {

    private FolderAccess() {
    }

    /**
     * @param notFoundMessage the message a missing resource would give, e.g. "Registry arexxx not found"
     */
    static void require(Caller caller, String folderId, Permission permission, String notFoundMessage) {
        if (!caller.seesFolder(folderId)) {
            throw new NotFound(notFoundMessage);
        }
        if (!caller.may(permission, folderId)) {
            throw new PermissionDenied("Permission denied: " + permission.name().toLowerCase().replace('_', ' ')
                    + " is not granted on folder " + folderId);
        }
    }

    /** For calls that name a folder directly (lists, creations): an unknown and an unseen folder look the same. */
    static void requireInFolder(Caller caller, String folderId, Permission permission) {
        require(caller, folderId, permission, "Folder " + folderId + " not found");
    }
}
