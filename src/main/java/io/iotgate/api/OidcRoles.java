package io.iotgate.api;

import io.iotgate.config.ApiConfig;
import io.iotgate.control.Caller;
import io.iotgate.model.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads folder roles from an OIDC access token's roles claim (name configurable, default
 * {@code iotgate_roles}): an array of {@code "<folderId>:<role>"} strings, {@code "*:admin"} for an
 * administrator, or an object {@code {"<folderId>": ["<role>", ...]}}. Unknown roles are ignored.
 */
@ApplicationScoped
class OidcRoles {

    private final String claim;

    OidcRoles(ApiConfig config) {
        this.claim = config.oidc().rolesClaim();
    }

    Caller callerOf(SecurityIdentity identity) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Map<String, Set<Role>> roles = new HashMap<>();
        Object value = token.getClaim(claim);
        if (value instanceof JsonArray array) {
            for (JsonValue entry : array) {
                if (entry instanceof JsonString grant) {
                    int colon = grant.getString().lastIndexOf(':');
                    if (colon > 0) {
                        grant(roles, grant.getString().substring(0, colon), grant.getString().substring(colon + 1));
                    }
                }
            }
        } else if (value instanceof JsonObject object) {
            object.forEach((folderId, granted) -> {
                if (granted instanceof JsonArray array) {
                    array.forEach(role -> {
                        if (role instanceof JsonString name) {
                            grant(roles, folderId, name.getString());
                        }
                    });
                }
            });
        }
        boolean administrator = roles.getOrDefault("*", Set.of()).contains(Role.ADMIN);
        roles.remove("*");
        String subject = Optional.ofNullable(token.getSubject()).orElse(token.getName());
        return new Caller("oidc:" + subject, roles, administrator);
    }

    private static void grant(Map<String, Set<Role>> roles, String folderId, String roleName) {
        Role.fromWireName(roleName).ifPresent(role -> roles.computeIfAbsent(folderId, f -> new HashSet<>()).add(role));
    }
}
