package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RegistryApiTest {

    private String folder;
    private String editor;

    @BeforeEach
    void newTenant() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
    }

    @Test
    void createReturnsADoneOperationNamingTheRegistry() {
        var op = Api.as(editor)
                .body(Map.of("folderId", folder, "name", "plant-1", "description", "first plant",
                        "labels", Map.of("site", "north")))
                .post("/iot-devices/v1/registries")
                .then().statusCode(200)
                .body("done", equalTo(true))
                .body("id", matchesPattern("[a-z0-9]{20}"))
                .body("metadata.registryId", matchesPattern("are[a-z0-9]{17}"))
                .body("response.name", equalTo("plant-1"))
                .body("response.folderId", equalTo(folder))
                .body("response.status", equalTo("ACTIVE"))
                .body("response.labels.site", equalTo("north"))
                .extract().jsonPath();
        String registryId = op.getString("response.id");

        Api.as(editor).get("/iot-devices/v1/registries/{id}", registryId)
                .then().statusCode(200).body("name", equalTo("plant-1")).body("description", equalTo("first plant"));
        Api.as(editor).get("/operations/{id}", op.getString("id"))
                .then().statusCode(200).body("response.id", equalTo(registryId)).body("done", equalTo(true));
        Api.as(editor).queryParam("folderId", folder).queryParam("registryName", "plant-1")
                .get("/iot-devices/v1/registries:getByName")
                .then().statusCode(200).body("id", equalTo(registryId));
    }

    @Test
    void listPagesThroughEveryRegistryOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(Api.newRegistry(editor, folder, "r" + i));
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            var spec = Api.as(editor).queryParam("folderId", folder).queryParam("pageSize", 2);
            if (token != null) {
                spec.queryParam("pageToken", token);
            }
            var page = spec.get("/iot-devices/v1/registries").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("registries.id");
            seen.addAll(ids);
            token = page.getString("nextPageToken");
            pages++;
        } while (token != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void updateChangesOnlyTheFieldsOfTheMask() {
        String id = Api.newRegistry(editor, folder, "before");
        Api.as(editor).body(Map.of("updateMask", "description,labels", "name", "ignored", "description", "after",
                        "labels", Map.of("a", "b")))
                .patch("/iot-devices/v1/registries/{id}", id)
                .then().statusCode(200)
                .body("response.name", equalTo("before"))
                .body("response.description", equalTo("after"))
                .body("response.labels.a", equalTo("b"));
        Api.as(editor).body(Map.of("updateMask", "labels", "labels", Map.of()))
                .patch("/iot-devices/v1/registries/{id}", id)
                .then().statusCode(200).body("response.labels.a", nullValue());
    }

    @Test
    void aNameIsUniqueInItsFolder() {
        Api.newRegistry(editor, folder, "twin");
        Api.as(editor).body(Map.of("folderId", folder, "name", "twin"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(409).body("code", equalTo(6)).body("message", containsString("twin"));
        String other = Api.newRegistry(editor, folder, "other");
        Api.as(editor).body(Map.of("updateMask", "name", "name", "twin"))
                .patch("/iot-devices/v1/registries/{id}", other)
                .then().statusCode(409).body("code", equalTo(6));
    }

    @Test
    void disableAndEnableChangeTheStatus() {
        String id = Api.newRegistry(editor, folder, "switchable");
        Api.as(editor).post("/iot-devices/v1/registries/{id}:disable", id)
                .then().statusCode(200).body("response.status", equalTo("DISABLED"));
        Api.as(editor).get("/iot-devices/v1/registries/{id}", id).then().body("status", equalTo("DISABLED"));
        Api.as(editor).post("/iot-devices/v1/registries/{id}:enable", id)
                .then().statusCode(200).body("response.status", equalTo("ACTIVE"));
    }

    @Test
    void everyChangeIsListedAmongTheRegistrysOperations() {
        String id = Api.newRegistry(editor, folder, "audited");
        Api.as(editor).post("/iot-devices/v1/registries/{id}:disable", id).then().statusCode(200);
        Api.as(editor).get("/iot-devices/v1/registries/{id}/operations", id)
                .then().statusCode(200)
                .body("operations.description", hasItem("Create registry"))
                .body("operations.description", hasItem("Disable registry"))
                .body("operations.createdBy", hasItem(notNullValue()));
    }

    @Test
    void deleteRemovesTheRegistryAndItsDevices() {
        String id = Api.newRegistry(editor, folder, "doomed");
        String device = Api.newDevice(editor, id, "d1");
        Api.as(editor).delete("/iot-devices/v1/registries/{id}", id)
                .then().statusCode(200).body("done", equalTo(true)).body("metadata.registryId", equalTo(id))
                .body("response", nullValue());
        Api.as(editor).get("/iot-devices/v1/registries/{id}", id).then().statusCode(404).body("code", equalTo(5));
        Api.as(editor).get("/iot-devices/v1/devices/{id}", device).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api.unchecked(editor).body(Map.of("folderId", folder))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("code", equalTo(3)).body("message", containsString("name"));
        Api.unchecked(editor).body(Map.of("folderId", folder, "name", "has space"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("name"));
        Api.unchecked(editor).body(Map.of("folderId", folder, "name", "ok", "colour", "blue"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("colour"));
        Api.unchecked(editor).body(Map.of("folderId", folder, "name", "ok", "labels", "not-a-map"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("labels"));
        Api.unchecked(editor).body(Map.of("folderId", folder, "name", "ok", "labels", Map.of("Bad", "x")))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("labels"));
        Api.unchecked(editor).body(Map.of("name", "ok"))
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("folderId"));
        Api.unchecked(editor).body("{not json")
                .post("/iot-devices/v1/registries")
                .then().statusCode(400).body("code", equalTo(3));
        String id = Api.newRegistry(editor, folder, "patched");
        Api.unchecked(editor).body(Map.of("name", "x"))
                .patch("/iot-devices/v1/registries/{id}", id)
                .then().statusCode(400).body("message", containsString("updateMask"));
        Api.unchecked(editor).body(Map.of("updateMask", "status"))
                .patch("/iot-devices/v1/registries/{id}", id)
                .then().statusCode(400).body("message", containsString("status"));
        Api.unchecked(editor).queryParam("folderId", folder).queryParam("pageSize", 5000)
                .get("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("pageSize"));
        Api.unchecked(editor).queryParam("folderId", folder).queryParam("pageToken", "@@@")
                .get("/iot-devices/v1/registries")
                .then().statusCode(400).body("message", containsString("pageToken"));
    }

    @Test
    void unknownRegistriesAreNotFound() {
        Api.as(editor).get("/iot-devices/v1/registries/{id}", "are00000000000000000")
                .then().statusCode(404).body("code", equalTo(5));
        Api.as(editor).queryParam("folderId", folder).queryParam("registryName", "nope")
                .get("/iot-devices/v1/registries:getByName")
                .then().statusCode(404);
    }
}
