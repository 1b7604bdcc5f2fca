package io.iotgate.isolation;

import io.iotgate.support.Api;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An editor of folder B attacks every endpoint with the IDs and names of folder A's resources. Each call
 * must answer exactly as for a resource that does not exist, leak nothing, and change nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlPlaneIsolationTest {

    private String folderA;
    private String victimKey;
    private String attackerKey;
    private String registry;
    private String device;
    private String broker;
    private String certificate;
    private String passwordId;
    private String operation;

    /** Once per class, but in @BeforeEach: only then is RestAssured pointed at the test instance's port. */
    @BeforeEach
    void twoTenants() {
        if (folderA != null) {
            return;
        }
        folderA = Api.newFolder();
        victimKey = Api.newKey(folderA, "iot.editor");
        attackerKey = Api.newKey(Api.newFolder(), "iot.editor");
        registry = Api.newRegistry(victimKey, folderA, "victim-registry");
        var cert = TestCertificates.selfSigned("victim");
        device = Api.as(victimKey).body(Map.of("registryId", registry, "name", "victim-device",
                        "certificates", List.of(Map.of("certificateData", cert.pem())),
                        "topicAliases", Map.of("victim/", "$devices/{id}/events/")))
                .post("/iot-devices/v1/devices").then().statusCode(200).extract().path("response.id");
        certificate = Api.as(victimKey).get("/iot-devices/v1/devices/{id}/certificates", device)
                .then().extract().path("certificates[0].fingerprint");
        operation = Api.as(victimKey).body(Map.of("password", "Victim-Password-123"))
                .post("/iot-devices/v1/devices/{id}/passwords", device).then().statusCode(200).extract().path("id");
        passwordId = Api.as(victimKey).get("/operations/{id}", operation).then().extract().path("metadata.passwordId");
        broker = Api.newBroker(victimKey, folderA, "victim-broker");
    }

    private record Attack(String name, Function<RequestSpecification, Response> call) {}

    private List<Attack> attacks() {
        String r = "/iot-devices/v1/registries/" + registry;
        String d = "/iot-devices/v1/devices/" + device;
        String b = "/iot-broker/v1/brokers/" + broker;
        Map<String, String> password = Map.of("password", "Attacker-Password-123");
        Map<String, String> certificateData = Map.of("certificateData", TestCertificates.selfSigned("attacker").pem());
        return List.of(
                new Attack("get registry", s -> s.get(r)),
                new Attack("update registry", s -> s.body(Map.of("updateMask", "name", "name", "pwned")).patch(r)),
                new Attack("delete registry", s -> s.delete(r)),
                new Attack("disable registry", s -> s.post(r + ":disable")),
                new Attack("enable registry", s -> s.post(r + ":enable")),
                new Attack("registry aliases", s -> s.get(r + ":listDeviceTopicAliases")),
                new Attack("registry operations", s -> s.get(r + "/operations")),
                new Attack("registry certificates", s -> s.get(r + "/certificates")),
                new Attack("add registry certificate", s -> s.body(certificateData).post(r + "/certificates")),
                new Attack("registry passwords", s -> s.get(r + "/passwords")),
                new Attack("add registry password", s -> s.body(password).post(r + "/passwords")),
                new Attack("registry by name", s -> s.queryParam("folderId", folderA)
                        .queryParam("registryName", "victim-registry").get("/iot-devices/v1/registries:getByName")),
                new Attack("list registries of folder", s -> s.queryParam("folderId", folderA).get("/iot-devices/v1/registries")),
                new Attack("create registry in folder", s -> s.body(Map.of("folderId", folderA, "name", "implant"))
                        .post("/iot-devices/v1/registries")),
                new Attack("get device", s -> s.get(d)),
                new Attack("get device full", s -> s.queryParam("deviceView", "FULL").get(d)),
                new Attack("update device", s -> s.body(Map.of("updateMask", "topicAliases",
                        "topicAliases", Map.of("x", "$devices/" + device + "/commands"))).patch(d)),
                new Attack("delete device", s -> s.delete(d)),
                new Attack("device operations", s -> s.get(d + "/operations")),
                new Attack("device certificates", s -> s.get(d + "/certificates")),
                new Attack("delete device certificate", s -> s.delete(d + "/certificates/" + certificate)),
                new Attack("add device certificate", s -> s.body(certificateData).post(d + "/certificates")),
                new Attack("device passwords", s -> s.get(d + "/passwords")),
                new Attack("add device password", s -> s.body(password).post(d + "/passwords")),
                new Attack("delete device password", s -> s.delete(d + "/passwords/" + passwordId)),
                new Attack("device by name", s -> s.queryParam("registryId", registry)
                        .queryParam("deviceName", "victim-device").get("/iot-devices/v1/devices:getByName")),
                new Attack("list devices of registry", s -> s.queryParam("registryId", registry).get("/iot-devices/v1/devices")),
                new Attack("list devices of folder", s -> s.queryParam("folderId", folderA).get("/iot-devices/v1/devices")),
                new Attack("create device in registry", s -> s.body(Map.of("registryId", registry, "name", "implant"))
                        .post("/iot-devices/v1/devices")),
                new Attack("get broker", s -> s.get(b)),
                new Attack("update broker", s -> s.body(Map.of("updateMask", "name", "name", "pwned")).patch(b)),
                new Attack("delete broker", s -> s.delete(b)),
                new Attack("broker operations", s -> s.get(b + "/operations")),
                new Attack("broker certificates", s -> s.get(b + "/certificates")),
                new Attack("add broker password", s -> s.body(password).post(b + "/passwords")),
                new Attack("list brokers of folder", s -> s.queryParam("folderId", folderA).get("/iot-broker/v1/brokers")),
                new Attack("create broker in folder", s -> s.body(Map.of("folderId", folderA, "name", "implant"))
                        .post("/iot-broker/v1/brokers")),
                new Attack("publish as device", s -> s.body(Map.of("topic", "$devices/" + device + "/events", "data", "eA=="))
                        .post(d + "/publish")),
                new Attack("publish as registry", s -> s.body(Map.of("topic", "$devices/" + device + "/commands", "data", "eA=="))
                        .post(r + "/publish")),
                new Attack("publish as broker", s -> s.body(Map.of("topic", "victim/x", "data", "eA==")).post(b + "/publish")),
                new Attack("read an operation", s -> s.get("/operations/" + operation)),
                new Attack("read the folder", s -> s.get("/iotgate/v1/folders/" + folderA)));
    }

    @Test
    void everyCallOnAnotherFoldersResourcesAnswersNotFoundAndLeaksNothing() {
        assertAll(attacks().stream().map(attack -> () -> {
            Response response = attack.call().apply(Api.as(attackerKey));
            assertEquals(404, response.statusCode(), attack.name() + ": " + response.asString());
            assertEquals(5, response.jsonPath().getInt("code"), attack.name());
            String body = response.asString();
            assertFalse(body.contains("victim"), attack.name() + " leaked a name: " + body);
        }));
    }

    @Test
    void theVictimsResourcesAreUntouchedAfterTheAttacks() {
        everyCallOnAnotherFoldersResourcesAnswersNotFoundAndLeaksNothing();
        Api.as(victimKey).get("/iot-devices/v1/registries/{id}", registry)
                .then().statusCode(200).body("name", equalTo("victim-registry")).body("status", equalTo("ACTIVE"));
        Api.as(victimKey).get("/iot-devices/v1/devices/{id}", device)
                .then().statusCode(200).body("topicAliases.'victim/'", equalTo("$devices/" + device + "/events/"));
        Api.as(victimKey).get("/iot-devices/v1/devices/{id}/certificates", device)
                .then().body("certificates.fingerprint", equalTo(List.of(certificate)));
        Api.as(victimKey).get("/iot-devices/v1/devices/{id}/passwords", device)
                .then().body("passwords.id", equalTo(List.of(passwordId)));
        Api.as(victimKey).get("/iot-broker/v1/brokers/{id}", broker).then().statusCode(200).body("name", equalTo("victim-broker"));
        Api.as(victimKey).queryParam("folderId", folderA).get("/iot-devices/v1/registries")
                .then().body("registries.name", equalTo(List.of("victim-registry")));
        Api.as(victimKey).queryParam("registryId", registry).get("/iot-devices/v1/devices")
                .then().body("devices.name", not(empty())).body("devices.name", not(containsString("implant")));
    }
}
