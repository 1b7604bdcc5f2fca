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

    /**
     * Unwraps a looked-up resource: missing, in a folder the caller cannot see, or short of the permission,
     * it fails as {@link #require} says.
     */
    static <T> T visible(java.util.Optional<T> found, java.util.function.Function<T, String> folderOf, Caller caller,
                         Permission permission, String notFoundMessage) {
        T resource = found.orElseThrow(() -> new NotFound(notFoundMessage));
        require(caller, folderOf.apply(resource), permission, notFoundMessage);
        return resource;
    }

    /** For calls that name a folder directly (lists, creations): an unknown and an unseen folder look the same. */
    static void requireInFolder(Caller caller, String folderId, Permission permission) {
        require(caller, folderId, permission, "Folder " + folderId + " not found");
    }
}
