package io.iotgate.api;

import io.iotgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BrokerApiTest {

    @Test
    void aBrokerIsCreatedReadChangedListedAndDeleted() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String id = Api.as(editor).body(Map.of("folderId", folder, "name", "factory", "labels", Map.of("env", "prod")))
                .post("/iot-broker/v1/brokers")
                .then().statusCode(200).body("metadata.brokerId", org.hamcrest.Matchers.matchesPattern("arb[a-z0-9]{17}"))
                .extract().path("response.id");
        Api.as(editor).get("/iot-broker/v1/brokers/{id}", id)
                .then().statusCode(200).body("name", equalTo("factory")).body("status", equalTo("ACTIVE"));
        Api.as(editor).body(Map.of("updateMask", "name", "name", "plant"))
                .patch("/iot-broker/v1/brokers/{id}", id).then().statusCode(200).body("response.name", equalTo("plant"));
        Api.as(editor).queryParam("folderId", folder).get("/iot-broker/v1/brokers")
                .then().statusCode(200).body("brokers.name", hasItem("plant"));
        Api.as(editor).get("/iot-broker/v1/brokers/{id}/operations", id)
                .then().statusCode(200).body("operations.description", hasItem("Update broker"));
        Api.as(editor).body(Map.of("folderId", folder, "name", "plant"))
                .post("/iot-broker/v1/brokers").then().statusCode(409);
        Api.as(editor).delete("/iot-broker/v1/brokers/{id}", id).then().statusCode(200);
        Api.as(editor).get("/iot-broker/v1/brokers/{id}", id).then().statusCode(404);
    }

    @Test
    void aBrokerCanBeCreatedWithAPassword() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String id = Api.as(editor).body(Map.of("folderId", folder, "name", "secured", "password", "Broker-Password-123"))
                .post("/iot-broker/v1/brokers").then().statusCode(200).extract().path("response.id");
        Api.as(editor).get("/iot-broker/v1/brokers/{id}/passwords", id)
                .then().statusCode(200).body("passwords.brokerId", hasItem(id));
        Api.unchecked(editor).body(Map.of("folderId", folder, "name", "weak", "password", "weak"))
                .post("/iot-broker/v1/brokers").then().statusCode(400).body("message", containsString("password"));
    }

    @Test
    void credentialsOfABrokerLiveOnlyUnderTheBrokerApi() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        String id = Api.newBroker(editor, folder, "only-here");
        Api.unchecked(editor).get("/iot-devices/v1/brokers/{id}/passwords", id).then().statusCode(404);
    }
}
