package io.iotgate.api;

import io.iotgate.control.ApiKeyService;
import io.iotgate.control.Caller;
import io.iotgate.control.ControlFailure.Unauthenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call names its caller: {@code Authorization: Api-Key <key>} (iotgate's service-account keys)
 * or {@code Authorization: Bearer <token>} (an OIDC access token, once an issuer is configured).
 */
public class AuthenticationFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class);
    private static final String API_KEY = "Api-Key ";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService apiKeys;
    private final OidcRoles oidcRoles;
    private final CurrentIdentityAssociation identity;
    private final CurrentCaller current;

    AuthenticationFilter(ApiKeyService apiKeys, OidcRoles oidcRoles, CurrentIdentityAssociation identity,
                         CurrentCaller current) {
        this.apiKeys = apiKeys;
        this.oidcRoles = oidcRoles;
        this.identity = identity;
        this.current = current;
    }

    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Uni<Caller> caller;
        if (header == null || header.isBlank()) {
            caller = Uni.createFrom().failure(new Unauthenticated(
                    "Authentication required: send 'Authorization: Api-Key <key>' or 'Authorization: Bearer <token>'"));
        } else if (startsWithIgnoreCase(header, API_KEY)) {
            caller = apiKeys.authenticate(header.substring(API_KEY.length()).trim());
        } else if (startsWithIgnoreCase(header, BEARER)) {
            caller = bearer();
        } else {
            caller = Uni.createFrom().failure(new Unauthenticated(
                    "Unsupported Authorization scheme: use 'Api-Key <key>' or 'Bearer <token>'"));
        }
        return caller.invoke(current::set)
                .onFailure().invoke(failure -> LOG.infof("Refused API call %s %s: %s", request.getMethod(),
                        request.getUriInfo().getPath(), failure.getMessage()))
                .replaceWithVoid();
    }

    private Uni<Caller> bearer() {
        return identity.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class)
                .transform(e -> new Unauthenticated("The bearer token is not valid"))
                .map(securityIdentity -> {
                    if (securityIdentity.isAnonymous()) {
                        throw new Unauthenticated("The bearer token is not valid, or OIDC is not configured");
                    }
                    return oidcRoles.callerOf(securityIdentity);
                });
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
