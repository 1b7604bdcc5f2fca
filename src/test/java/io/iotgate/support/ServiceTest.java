package io.iotgate.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded database and OIDC key for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class ServiceTest {

    private ServiceTest() {
    }
}
