package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who may call what: credentials, roles, and OIDC tokens. */
@QuarkusTest
class AccessTest {

    @Test
    void callsWithoutValidCredentialsAreUnauthenticated() {
        Api.unchecked(null).get("/iot-devices/v1/registries")
                .then().statusCode(401).body("code", equalTo(16)).body("message", containsString("Api-Key"));
        Api.unchecked("ajk00000000000000000.wrong").get("/iot-devices/v1/registries")
                .then().statusCode(401).body("code", equalTo(16));
        Api.unchecked("no-dot-at-all").get("/iot-devices/v1/registries").then().statusCode(401);
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").get("/iot-devices/v1/registries")
                .then().statusCode(401).body("code", equalTo(16));
    }

    @Test
    void aRevokedKeyStopsWorking() {
        String folder = Api.newFolder();
        String key = Api.newKey(folder, "iot.viewer");
        Api.as(key).queryParam("folderId", folder).get("/iot-devices/v1/registries").then().statusCode(200);
        String keyId = key.substring(0, key.indexOf('.'));
        Api.as(Api.adminKey()).get("/iotgate/v1/folders/{f}/apiKeys", folder)
                .then().statusCode(200).body("apiKeys.id", hasItem(keyId)).body(not(containsString(key)));
        Api.as(Api.adminKey()).delete("/iotgate/v1/folders/{f}/apiKeys/{k}", folder, keyId).then().statusCode(200);
        Api.unchecked(key).queryParam("folderId", folder).get("/iot-devices/v1/registries").then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotChange() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String viewer = Api.newKey(folder, "iot.viewer");
        String registry = Api.newRegistry(editor, folder, "watched");
        String device = Api.newDevice(editor, registry, "d");
        Api.as(viewer).get("/iot-devices/v1/registries/{id}", registry).then().statusCode(200);
        Api.as(viewer).get("/iot-devices/v1/devices/{id}/certificates", device).then().statusCode(200);
        Api.as(viewer).queryParam("deviceView", "FULL").get("/iot-devices/v1/devices/{id}", device).then().statusCode(200);
        Api.as(viewer).body(Map.of("folderId", folder, "name", "nope")).post("/iot-devices/v1/registries")
                .then().statusCode(403).body("code", equalTo(7));
        Api.as(viewer).delete("/iot-devices/v1/registries/{id}", registry).then().statusCode(403);
        Api.as(viewer).body(Map.of("password", "Viewer-Password-123")).post("/iot-devices/v1/devices/{id}/passwords", device)
                .then().statusCode(403);
    }

    @Test
    void anAuditorSeesMetadataButNoCredentialsOrDeviceData() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String auditor = Api.newKey(folder, "iot.auditor");
        String registry = Api.newRegistry(editor, folder, "audited");
        String device = Api.newDevice(editor, registry, "d");
        Api.as(auditor).get("/iot-devices/v1/devices/{id}", device).then().statusCode(200);
        Api.as(auditor).get("/iot-devices/v1/registries/{id}/operations", registry).then().statusCode(200);
        Api.as(auditor).get("/iot-devices/v1/devices/{id}/certificates", device).then().statusCode(403);
        Api.as(auditor).get("/iot-devices/v1/registries/{id}/passwords", registry).then().statusCode(403);
        Api.as(auditor).queryParam("deviceView", "FULL").get("/iot-devices/v1/devices/{id}", device).then().statusCode(403);
    }

    @Test
    void onlyAnAdministratorManagesFoldersAndKeys() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        Api.as(editor).body(Map.of("name", "mine")).post("/iotgate/v1/folders").then().statusCode(403).body("code", equalTo(7));
        Api.as(editor).body(Map.of("role", "admin")).post("/iotgate/v1/folders/{f}/apiKeys", folder).then().statusCode(403);
        Api.as(editor).get("/iotgate/v1/folders/{f}/apiKeys", folder).then().statusCode(403);
        // An editor lists only its own folder.
        Api.as(editor).get("/iotgate/v1/folders").then().statusCode(200).body("folders.id", equalTo(List.of(folder)));
        Api.unchecked(Api.adminKey()).body(Map.of("role", "iot.superuser")).post("/iotgate/v1/folders/{f}/apiKeys", folder)
                .then().statusCode(400).body("message", containsString("role"));
        Api.as(Api.adminKey()).body(Map.of("name", "default")).post("/iotgate/v1/folders").then().statusCode(409);
    }

    @Test
    void anOidcTokenGrantsTheFolderRolesOfItsClaim() {
        String folder = Api.newFolder();
        String editorToken = Api.token("alice", List.of(folder + ":iot.editor"));
        String registry = Api.withBearer(editorToken).body(Map.of("folderId", folder, "name", "by-token"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(200).body("createdBy", equalTo("oidc:alice")).extract().path("response.id");
        String viewerToken = Api.token("bob", List.of(folder + ":iot.viewer"));
        Api.withBearer(viewerToken).get("/iot-devices/v1/registries/{id}", registry).then().statusCode(200);
        Api.withBearer(viewerToken).delete("/iot-devices/v1/registries/{id}", registry).then().statusCode(403);
        String strangerToken = Api.token("eve", List.of(Api.newFolder() + ":iot.editor"));
        Api.withBearer(strangerToken).get("/iot-devices/v1/registries/{id}", registry).then().statusCode(404);
        String adminToken = Api.token("root", List.of("*:admin"));
        Api.withBearer(adminToken).get("/iot-devices/v1/registries/{id}", registry).then().statusCode(200);
    }

    @Test
    void aForgedOrMalformedTokenIsUnauthenticated() {
        String folder = Api.newFolder();
        String token = Api.token("mallory", List.of(folder + ":iot.editor"));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        RestAssured.given().header("Authorization", "Bearer " + tampered)
                .queryParam("folderId", folder).get("/iot-devices/v1/registries")
                .then().statusCode(401).body("code", equalTo(16));
        RestAssured.given().header("Authorization", "Bearer not-a-jwt")
                .queryParam("folderId", folder).get("/iot-devices/v1/registries")
                .then().statusCode(401).body("code", equalTo(16));
    }
}
