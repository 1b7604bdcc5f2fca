package io.iotgate.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * Real HTTP calls to the running service, every request and response held to {@code openapi.yaml}.
 * {@link #as(String)} sends a valid request; {@link #unchecked(String)} lets a test send a request the
 * contract forbids (to see the service refuse it) while its response is still checked.
 */
public final class Api {

    private static final OpenApiValidationFilter STRICT = filter(LevelResolver.create().build());
    private static final OpenApiValidationFilter RESPONSES_ONLY = filter(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE).build());

    private Api() {
    }

    private static OpenApiValidationFilter filter(LevelResolver levels) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
                .withLevelResolver(levels)
                .build());
    }

    /** A request with {@code Authorization: Api-Key <key>}; null sends no credentials. */
    public static RequestSpecification as(String apiKey) {
        return spec(STRICT, apiKey);
    }

    public static RequestSpecification unchecked(String apiKey) {
        return spec(RESPONSES_ONLY, apiKey);
    }

    public static RequestSpecification withBearer(String token) {
        return RestAssured.given().urlEncodingEnabled(false).filter(STRICT).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification spec(OpenApiValidationFilter filter, String apiKey) {
        // ':' stays as written: IoT Core's custom methods (registries:getByName) are part of the path.
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false).filter(filter).contentType(ContentType.JSON);
        return apiKey == null ? spec : spec.header("Authorization", "Api-Key " + apiKey);
    }

    /** The administrator key the first start wrote into the data directory. */
    public static String adminKey() {
        try {
            return Files.readString(adminKeyFile()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path adminKeyFile() {
        return Path.of(System.getProperty(EmbeddedPostgresResource.DATA_DIR_PROPERTY)).resolve("admin-api-key");
    }

    /** A new folder, for a test that wants a tenant of its own. */
    public static String newFolder() {
        return as(adminKey()).body(Map.of("name", "f-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/iotgate/v1/folders")
                .then().statusCode(200).extract().path("response.id");
    }

    /** A key bound to the folder with one role, e.g. {@code iot.editor}. */
    public static String newKey(String folderId, String role) {
        return as(adminKey()).body(Map.of("role", role))
                .post("/iotgate/v1/folders/{folderId}/apiKeys", folderId)
                .then().statusCode(200).extract().path("key");
    }

    /** An OIDC access token signed by the test issuer, granting {@code "<folderId>:<role>"} entries. */
    public static String token(String subject, List<String> grants) {
        try {
            byte[] encoded = Base64.getDecoder().decode(System.getProperty(EmbeddedPostgresResource.OIDC_PRIVATE_KEY_PROPERTY));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return Jwt.issuer(EmbeddedPostgresResource.OIDC_ISSUER).subject(subject)
                    .claim("iotgate_roles", grants).expiresIn(300).sign(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a registry in the folder and returns its ID. */
    public static String newRegistry(String key, String folderId, String name) {
        return as(key).body(Map.of("folderId", folderId, "name", name))
                .post("/iot-devices/v1/registries")
                .then().statusCode(200).body("done", equalTo(true)).extract().path("response.id");
    }

    public static String newDevice(String key, String registryId, String name) {
        return as(key).body(Map.of("registryId", registryId, "name", name))
                .post("/iot-devices/v1/devices")
                .then().statusCode(200).extract().path("response.id");
    }

    public static String newBroker(String key, String folderId, String name) {
        return as(key).body(Map.of("folderId", folderId, "name", name))
                .post("/iot-broker/v1/brokers")
                .then().statusCode(200).extract().path("response.id");
    }

    public static String defaultFolder() {
        JsonPath folders = as(adminKey()).get("/iotgate/v1/folders").then().statusCode(200).extract().jsonPath();
        return folders.getString("folders.find { it.name == 'default' }.id");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
