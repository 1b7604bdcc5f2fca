package io.iotgate.api;

import io.iotgate.support.Api;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Topic permissions of broker passwords and certificates through the broker API (iotgate beyond IoT Core). */
@QuarkusTest
class BrokerPermissionsApiTest {

    private static final String PASSWORD = "Permission-Api-Pass-1";

    private String editor;
    private String broker;

    @BeforeEach
    void newBroker() {
        String folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        broker = Api.newBroker(editor, folder, "b");
    }

    @Test
    void aPasswordIsAddedWithPermissionsListedWithThemAndChanged() {
        String limited = Api.as(editor).body(Map.of("password", PASSWORD,
                        "permissions", Map.of("publish", List.of("sensors/#"), "subscribe", List.of("alerts/+"))))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(200)
                .body("response.permissions.publish", contains("sensors/#"))
                .body("response.permissions.subscribe", contains("alerts/+"))
                .extract().path("response.id");
        String free = Api.as(editor).body(Map.of("password", PASSWORD + "x"))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(200).body("response.permissions", nullValue()).extract().path("response.id");
        Api.as(editor).get("/iot-broker/v1/brokers/{id}/passwords", broker).then().statusCode(200)
                .body("passwords.find { it.id == '" + limited + "' }.permissions.publish", contains("sensors/#"))
                .body("passwords.find { it.id == '" + free + "' }.permissions", nullValue());

        // A list left out allows nothing in that direction.
        Api.as(editor).body(Map.of("updateMask", "permissions", "permissions", Map.of("subscribe", List.of("#"))))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, limited)
                .then().statusCode(200)
                .body("description", equalTo("Update broker password permissions"))
                .body("metadata.passwordId", equalTo(limited))
                .body("response.permissions.publish", empty())
                .body("response.permissions.subscribe", contains("#"));
        Api.as(editor).body(Map.of("updateMask", "permissions"))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, limited)
                .then().statusCode(200).body("response.permissions", nullValue());
    }

    @Test
    void aCertificateIsAddedWithPermissionsAndChanged() {
        var certificate = TestCertificates.selfSigned("permissions");
        String fingerprint = Api.as(editor).body(Map.of("certificateData", certificate.pem(),
                        "permissions", Map.of("publish", List.of("status/+"))))
                .post("/iot-broker/v1/brokers/{id}/certificates", broker)
                .then().statusCode(200).body("response.permissions.publish", contains("status/+"))
                .body("response.permissions.subscribe", empty())
                .extract().path("response.fingerprint");
        Api.as(editor).body(Map.of("updateMask", "permissions",
                        "permissions", Map.of("publish", List.of("status/#"), "subscribe", List.of("commands/#"))))
                .patch("/iot-broker/v1/brokers/{id}/certificates/{f}", broker, fingerprint)
                .then().statusCode(200).body("metadata.fingerprint", equalTo(fingerprint));
        Api.as(editor).get("/iot-broker/v1/brokers/{id}/certificates", broker).then().statusCode(200)
                .body("certificates[0].permissions.publish", contains("status/#"))
                .body("certificates[0].permissions.subscribe", contains("commands/#"));
    }

    @Test
    void invalidFiltersAreRefusedNamingTheField() {
        Map<String, Object> cases = Map.of(
                "permissions.publish[0]", Map.of("publish", List.of("a/#/b")),
                "permissions.subscribe[1]", Map.of("subscribe", List.of("ok/+", "$SYS/#")),
                "permissions.publish[1]", Map.of("publish", List.of("ok", "a+b")),
                "permissions.subscribe[0]", Map.of("subscribe", List.of("")));
        cases.forEach((field, permissions) -> Api.as(editor)
                .body(Map.of("password", PASSWORD, "permissions", permissions))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(400).body("code", equalTo(3)).body("message", startsWith(field + ":")));
        Api.unchecked(editor).body(Map.of("password", PASSWORD, "permissions", Map.of("read", List.of("#"))))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker)
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("read"));
        // Nothing was added by the refused calls.
        Api.as(editor).get("/iot-broker/v1/brokers/{id}/passwords", broker).then().body("passwords", empty());
    }

    @Test
    void changesNameTheMaskAndTheCredential() {
        String passwordId = Api.as(editor).body(Map.of("password", PASSWORD))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker).then().statusCode(200).extract().path("response.id");
        Api.as(editor).body(Map.of("permissions", Map.of("publish", List.of("#"))))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, passwordId)
                .then().statusCode(400).body("message", startsWith("updateMask:"));
        Api.as(editor).body(Map.of("updateMask", "permissions", "permissions", Map.of("publish", List.of("$x"))))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, passwordId)
                .then().statusCode(400).body("message", startsWith("permissions.publish[0]:"));
        Api.as(editor).body(Map.of("updateMask", "permissions"))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, "arp00000000000000000")
                .then().statusCode(404);
    }

    @Test
    void registryAndDeviceCredentialsTakeNoPermissions() {
        String folder = Api.newFolder();
        String key = Api.newKey(folder, "iot.editor");
        String registry = Api.newRegistry(key, folder, "r");
        Api.unchecked(key).body(Map.of("password", PASSWORD, "permissions", Map.of("publish", List.of("#"))))
                .post("/iot-devices/v1/registries/{id}/passwords", registry)
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("permissions"));
    }

    @Test
    void anotherFoldersCallerCannotTouchTheBrokersPermissions() {
        String passwordId = Api.as(editor).body(Map.of("password", PASSWORD))
                .post("/iot-broker/v1/brokers/{id}/passwords", broker).then().statusCode(200).extract().path("response.id");
        String outsider = Api.newKey(Api.newFolder(), "iot.editor");
        Api.as(outsider).body(Map.of("updateMask", "permissions", "permissions", Map.of("publish", List.of("#"))))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, passwordId)
                .then().statusCode(404).body("code", equalTo(5));
        String viewer = Api.newKey(Api.as(editor).get("/iot-broker/v1/brokers/{id}", broker).then().extract().path("folderId"),
                "iot.viewer");
        Api.as(viewer).body(Map.of("updateMask", "permissions"))
                .patch("/iot-broker/v1/brokers/{id}/passwords/{p}", broker, passwordId)
                .then().statusCode(403).body("code", equalTo(7));
    }
}
