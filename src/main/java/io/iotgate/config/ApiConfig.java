package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The REST control plane. */
@ConfigMapping(prefix = "iotgate.api")
public interface ApiConfig {

    /** Page size of list calls that name none, as in IoT Core. */
    @WithDefault("100")
    int defaultPageSize();

    /** Largest page size a list call may ask for, as in IoT Core. */
    @WithDefault("1000")
    int maxPageSize();

    /** OIDC access tokens: how their claims map to folder roles. */
    Oidc oidc();

    interface Oidc {
        /**
         * Name of the token claim that grants folder roles: a JSON array of strings
         * {@code "<folderId>:<role>"}, e.g. {@code ["b1gabc...:iot.editor"]}, or {@code "*:admin"} for an
         * administrator. A claim holding an object {@code {"<folderId>": ["<role>", ...]}} is read too.
         */
        @WithDefault("iotgate_roles")
        String rolesClaim();
    }
}
