package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DeviceApiTest {

    private String folder;
    private String editor;
    private String registry;

    @BeforeEach
    void newRegistry() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        registry = Api.newRegistry(editor, folder, "plant");
    }

    @Test
    void topicAliasesTakeTheNewIdForThePlaceholder() {
        var op = Api.as(editor).body(Map.of("registryId", registry, "name", "sensor",
                        "topicAliases", Map.of("sensor/events", "$devices/{id}/events", "status/", "$devices/{id}/state/")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(200).extract().jsonPath();
        String id = op.getString("response.id");
        Api.as(editor).get("/iot-devices/v1/devices/{id}", id).then().statusCode(200)
                .body("registryId", equalTo(registry))
                .body("topicAliases.'sensor/events'", equalTo("$devices/" + id + "/events"));
        Api.as(editor).get("/iot-devices/v1/registries/{id}:listDeviceTopicAliases", registry).then().statusCode(200)
                .body("aliases", hasSize(2))
                .body("aliases.deviceId", hasItem(id))
                .body("aliases.topicPrefix", hasItem("$devices/" + id + "/state/"));
    }

    @Test
    void anAliasMustTargetTheDevicesOwnTopics() {
        String other = Api.newDevice(editor, registry, "other");
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "thief",
                        "topicAliases", Map.of("steal", "$devices/" + other + "/commands")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("code", equalTo(3)).body("message", containsString("topicAliases"));
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "thief",
                        "topicAliases", Map.of("reg", "$registries/" + registry + "/commands")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("topicAliases"));
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "thief",
                        "topicAliases", Map.of("$dollar", "$devices/{id}/events")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("topicAliases"));
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "thief",
                        "topicAliases", Map.of("wild", "$devices/{id}/events/#")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("topicAliases"));
    }

    @Test
    void noAliasOfARegistryIsAPrefixOfAnother() {
        Api.as(editor).body(Map.of("registryId", registry, "name", "first",
                        "topicAliases", Map.of("home/kitchen", "$devices/{id}/events")))
                .post("/iot-devices/v1/devices").then().statusCode(200);
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "second",
                        "topicAliases", Map.of("home", "$devices/{id}/events")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("prefix"));
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "second",
                        "topicAliases", Map.of("home/kitchen/oven", "$devices/{id}/events")))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("prefix"));
        // Another registry is another namespace: the same alias is fine there.
        String otherRegistry = Api.newRegistry(editor, folder, "elsewhere");
        Api.as(editor).body(Map.of("registryId", otherRegistry, "name", "second",
                        "topicAliases", Map.of("home/kitchen", "$devices/{id}/events")))
                .post("/iot-devices/v1/devices").then().statusCode(200);
    }

    @Test
    void aDeviceHasAtMostFiveAliases() {
        Map<String, String> six = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            six.put("a" + i + "/x", "$devices/{id}/events/" + i);
        }
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "greedy", "topicAliases", six))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("5"));
    }

    @Test
    void updateReplacesAliasesAndChecksThemAgain() {
        String id = Api.newDevice(editor, registry, "movable");
        Api.as(editor).body(Map.of("updateMask", "topicAliases,description", "description", "moved",
                        "topicAliases", Map.of("m/", "$devices/{id}/events/")))
                .patch("/iot-devices/v1/devices/{id}", id)
                .then().statusCode(200)
                .body("response.description", equalTo("moved"))
                .body("response.topicAliases.'m/'", equalTo("$devices/" + id + "/events/"));
        String other = Api.newDevice(editor, registry, "neighbour");
        Api.unchecked(editor).body(Map.of("updateMask", "topicAliases", "topicAliases", Map.of("m/x", "$devices/{id}/events")))
                .patch("/iot-devices/v1/devices/{id}", other)
                .then().statusCode(400).body("message", containsString("prefix"));
    }

    @Test
    void theFullViewAddsMonitoringData() {
        String id = Api.newDevice(editor, registry, "watched");
        Api.as(editor).get("/iot-devices/v1/devices/{id}", id).then().statusCode(200).body("monitoringData", nullValue());
        Api.as(editor).queryParam("deviceView", "FULL").get("/iot-devices/v1/devices/{id}", id)
                .then().statusCode(200).body("monitoringData", notNullValue());
        Api.unchecked(editor).queryParam("deviceView", "SOME").get("/iot-devices/v1/devices/{id}", id)
                .then().statusCode(400).body("message", containsString("deviceView"));
    }

    @Test
    void devicesAreListedByRegistryOrByFolderAndFoundByName() {
        String a = Api.newDevice(editor, registry, "a");
        String b = Api.newDevice(editor, Api.newRegistry(editor, folder, "second"), "b");
        Api.as(editor).queryParam("registryId", registry).get("/iot-devices/v1/devices")
                .then().statusCode(200).body("devices.id", equalTo(List.of(a)));
        Api.as(editor).queryParam("folderId", folder).get("/iot-devices/v1/devices")
                .then().statusCode(200).body("devices.id", containsInAnyOrder(a, b));
        Api.as(editor).queryParam("registryId", registry).queryParam("deviceName", "a")
                .get("/iot-devices/v1/devices:getByName")
                .then().statusCode(200).body("id", equalTo(a));
        Api.unchecked(editor).get("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("registryId"));
    }

    @Test
    void aNameIsUniqueInItsRegistry() {
        Api.newDevice(editor, registry, "same");
        Api.as(editor).body(Map.of("registryId", registry, "name", "same"))
                .post("/iot-devices/v1/devices").then().statusCode(409).body("code", equalTo(6));
    }

    @Test
    void deleteRemovesTheDeviceAndLeavesAnOperation() {
        String id = Api.newDevice(editor, registry, "gone");
        String opId = Api.as(editor).delete("/iot-devices/v1/devices/{id}", id)
                .then().statusCode(200).body("metadata.deviceId", equalTo(id)).extract().path("id");
        Api.as(editor).get("/iot-devices/v1/devices/{id}", id).then().statusCode(404).body("code", equalTo(5));
        Api.as(editor).get("/operations/{id}", opId).then().statusCode(200).body("description", equalTo("Delete device"));
    }

    @Test
    void aDeviceNeedsAnExistingRegistry() {
        Api.as(editor).body(Map.of("registryId", "are00000000000000000", "name", "orphan"))
                .post("/iot-devices/v1/devices").then().statusCode(404);
        Api.unchecked(editor).body(Map.of("name", "orphan"))
                .post("/iot-devices/v1/devices").then().statusCode(400).body("message", containsString("registryId"));
    }
}
