package io.iotgate.control;

import io.iotgate.model.Role;

import java.util.Map;
import java.util.Set;

/**
 * Who calls the control plane and the roles it holds per folder. An administrator holds every role on
 * every folder and may manage folders and API keys.
 *
 * @param subject  how operations name the caller ({@code apiKey:<id>} or the token's subject)
 */
public record Caller(String subject, Map<String, Set<Role>> rolesByFolder, boolean administrator) {

    public Caller {
        rolesByFolder = Map.copyOf(rolesByFolder);
    }

    /** True when the caller holds any role on the folder: without one, the folder's resources do not exist for it. */
    public boolean seesFolder(String folderId) {
        return administrator || !rolesByFolder.getOrDefault(folderId, Set.of()).isEmpty();
    }

    public boolean may(Permission permission, String folderId) {
        if (administrator) {
            return true;
        }
        for (Role role : rolesByFolder.getOrDefault(folderId, Set.of())) {
            if (Permission.grantedBy(role).contains(permission)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> folders() {
        return rolesByFolder.keySet();
    }

}
