package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A folder's limits through the folder API (iotgate's extension): read by its members, set by administrators. */
@QuarkusTest
class FolderLimitsApiTest {

    @Test
    void aNewFolderFollowsTheDocumentedDefaults() {
        String folder = Api.newFolder();
        Api.as(Api.newKey(folder, "iot.auditor")).get("/iotgate/v1/folders/{id}/limits", folder)
                .then().statusCode(200)
                .body("folderId", equalTo(folder))
                .body("payloadBytes", equalTo(262144))
                .body("topicLength", equalTo(1024))
                .body("publishRate", equalTo(0))
                .body("publishBurst", equalTo(10))
                .body("subscriptionsPerSession", equalTo(100))
                .body("inflightPerSession", equalTo(32))
                .body("overridden", empty());
    }

    @Test
    void anAdministratorSetsAndResetsAFoldersOwnLimits() {
        String folder = Api.newFolder();
        String admin = Api.adminKey();
        Api.as(admin).body(Map.of("updateMask", "payloadBytes,publishRate", "payloadBytes", 1024, "publishRate", 5))
                .patch("/iotgate/v1/folders/{id}/limits", folder)
                .then().statusCode(200)
                .body("description", equalTo("Update folder limits"))
                .body("metadata.folderId", equalTo(folder))
                .body("response.payloadBytes", equalTo(1024))
                .body("response.publishRate", equalTo(5))
                .body("response.overridden", containsInAnyOrder("payloadBytes", "publishRate"));
        // Fields outside the mask stay; a field in the mask but absent returns to the default.
        Api.as(admin).body(Map.of("updateMask", "publishRate,topicLength", "topicLength", 256))
                .patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200);
        Api.as(admin).get("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200)
                .body("payloadBytes", equalTo(1024))
                .body("publishRate", equalTo(0))
                .body("topicLength", equalTo(256))
                .body("overridden", containsInAnyOrder("payloadBytes", "topicLength"));
    }

    @Test
    void valuesOutOfRangeAndUnknownMasksAreRefusedNamingTheField() {
        String folder = Api.newFolder();
        Map<String, Map<String, Object>> cases = Map.of(
                "payloadBytes", Map.of("payloadBytes", 0),
                "topicLength", Map.of("topicLength", 70000),
                "publishRate", Map.of("publishRate", -1),
                "publishBurst", Map.of("publishBurst", 0),
                "subscriptionsPerSession", Map.of("subscriptionsPerSession", 0),
                "inflightPerSession", Map.of("inflightPerSession", 65536));
        cases.forEach((field, value) -> {
            Map<String, Object> body = new HashMap<>(value);
            body.put("updateMask", field);
            Api.as(Api.adminKey()).body(body).patch("/iotgate/v1/folders/{id}/limits", folder)
                    .then().statusCode(400).body("code", equalTo(3)).body("message", startsWith(field + ":"));
        });
        Api.as(Api.adminKey()).body(Map.of("updateMask", "payloadBytes,colour"))
                .patch("/iotgate/v1/folders/{id}/limits", folder)
                .then().statusCode(400).body("message", startsWith("updateMask:"));
        Api.as(Api.adminKey()).get("/iotgate/v1/folders/{id}/limits", folder).then().body("overridden", empty());
    }

    @Test
    void onlyAnAdministratorChangesLimitsAndOtherFoldersSeeNothing() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        Api.as(editor).body(Map.of("updateMask", "payloadBytes", "payloadBytes", 1_000))
                .patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(403).body("code", equalTo(7));

        String outsider = Api.newKey(Api.newFolder(), "iot.editor");
        Api.as(outsider).get("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(404).body("code", equalTo(5));
        Api.as(outsider).body(Map.of("updateMask", "payloadBytes", "payloadBytes", 1_000))
                .patch("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(404).body("code", equalTo(5));
        Api.as(Api.adminKey()).get("/iotgate/v1/folders/{id}/limits", "b1g00000000000000000")
                .then().statusCode(404);
        Api.as(editor).get("/iotgate/v1/folders/{id}/limits", folder).then().statusCode(200)
                .body("overridden", empty()).body("payloadBytes", equalTo(262144));
        Api.as(Api.adminKey()).body(Map.of("updateMask", "payloadBytes", "payloadBytes", 1_000))
                .patch("/iotgate/v1/folders/{id}/limits", "b1g00000000000000000").then().statusCode(404);
    }
}
