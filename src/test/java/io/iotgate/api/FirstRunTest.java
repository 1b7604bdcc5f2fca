package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FirstRunTest {

    @Test
    void firstStartWritesAnAdministratorKeyOnlyItsOwnerCanRead() throws Exception {
        assertTrue(Files.exists(Api.adminKeyFile()));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(Api.adminKeyFile()));
    }

    @Test
    void theAdministratorKeyWorksAndTheDefaultFolderExists() {
        Api.as(Api.adminKey()).get("/iotgate/v1/folders")
                .then().statusCode(200).body("folders.name", hasItem("default"));
    }

    @Test
    void healthIncludesTheDatabase() {
        RestAssured.get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsAreServedForPrometheus() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theContractIsServedAsWritten() {
        RestAssured.get("/q/openapi").then().statusCode(200).body(containsString("/iot-devices/v1/registries"));
    }
}
