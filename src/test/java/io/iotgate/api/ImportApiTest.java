package io.iotgate.api;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.iotgate.mqtt.MqttListeners;
import io.iotgate.support.Api;
import io.iotgate.support.IotCoreExport;
import io.iotgate.support.MqttClients;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /iotgate/v1/folders/{folderId}:import}: IoT Core exports come over with their IDs and certificates. */
@QuarkusTest
class ImportApiTest {

    private static final String IMPORT = "/iotgate/v1/folders/{folderId}:import";

    @Test
    void importedDevicesConnectOverTlsWithTheirOriginalIdsCertificatesAndTheReturnedPasswords() throws Exception {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("plant")).withCertificate();
        var boiler = registry.device("boiler");
        var pump = registry.device("pump");
        var broker = export.broker(Api.unique("bus"));
        Map<String, Object> body = export.importBody();
        String pumpPassword = "Pump-Password-2026!";
        device(body, 0, 1).put("password", pumpPassword);

        JsonPath result = importInto(editor, folder, body);
        assertEquals(List.of("CREATED", "CREATED", "CREATED", "CREATED"), result.getList("items.status"));
        assertEquals(List.of(registry.id, boiler.id, pump.id, broker.id), result.getList("items.id"));
        String registryPassword = passwordOf(result, registry.id);
        String boilerPassword = passwordOf(result, boiler.id);
        assertNotNull(registryPassword);
        assertNotNull(boilerPassword);
        assertNull(passwordOf(result, pump.id), "a password the caller gave is not echoed");

        Api.as(editor).get("/iot-devices/v1/registries/{id}", registry.id).then().statusCode(200)
                .body("folderId", equalTo(folder)).body("name", equalTo(registry.name))
                .body("labels.site", equalTo("plant-a")).body("logOptions.minLevel", equalTo("ERROR"));
        Api.as(editor).get("/iot-devices/v1/devices/{id}", boiler.id).then().statusCode(200)
                .body("registryId", equalTo(registry.id)).body("name", equalTo("boiler"))
                .body("topicAliases.'boiler/events'", equalTo("$devices/" + boiler.id + "/events"));
        Api.as(editor).get("/iot-devices/v1/devices/{id}/certificates", boiler.id).then().statusCode(200)
                .body("certificates.certificateData", hasItem(boiler.certificate().issued().pem()));
        Api.as(editor).get("/iot-devices/v1/registries/{id}/operations", registry.id).then().statusCode(200)
                .body("operations.description", equalTo(List.of("Import registry")));

        // The registry logs in with the generated password, the boiler with its unchanged certificate.
        try (var backEnd = tls3("back-end", null)) {
            backEnd.mqtt().connectWith().simpleAuth().username(registry.id)
                    .password(registryPassword.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            var received = backEnd.mqtt().publishes(MqttGlobalPublishFilter.ALL);
            backEnd.mqtt().subscribeWith().topicFilter("$devices/+/events").qos(MqttQos.AT_LEAST_ONCE).send();
            try (var device = tls3("boiler-1", boiler.certificate().issued())) {
                device.mqtt().connect();
                device.mqtt().publishWith().topic("boiler/events").payload("72".getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                Mqtt3Publish message = received.receive(5, TimeUnit.SECONDS).orElseThrow();
                assertEquals("$devices/" + boiler.id + "/events", message.getTopic().toString());
                assertEquals("72", new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8));
                // The registry commands its imported device: the gateway knows the device belongs to it.
                var commands = device.mqtt().publishes(MqttGlobalPublishFilter.ALL);
                device.mqtt().subscribeWith().topicFilter("$devices/" + boiler.id + "/commands").qos(MqttQos.AT_LEAST_ONCE).send();
                backEnd.mqtt().publishWith().topic("$devices/" + boiler.id + "/commands")
                        .payload("heat".getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
                assertEquals("heat", new String(commands.receive(5, TimeUnit.SECONDS)
                        .orElseThrow(() -> new AssertionError("the command to the imported device never came"))
                        .getPayloadAsBytes(), StandardCharsets.UTF_8));
            }
            // The pump with the password given for it, the boiler with the one generated.
            for (String[] login : List.of(new String[] {pump.id, pumpPassword}, new String[] {boiler.id, boilerPassword})) {
                try (var device = tls3("login-" + login[0], null)) {
                    device.mqtt().connectWith().simpleAuth().username(login[0])
                            .password(login[1].getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
                    device.mqtt().publishWith().topic("$devices/" + login[0] + "/events").payload("up".getBytes(StandardCharsets.UTF_8))
                            .qos(MqttQos.AT_LEAST_ONCE).send();
                    assertEquals("$devices/" + login[0] + "/events",
                            received.receive(5, TimeUnit.SECONDS).orElseThrow().getTopic().toString());
                }
            }
        }

        // The broker's client with its certificate.
        try (var client = tls3("bus-client", broker.certificate().issued())) {
            client.mqtt().connect();
            var received = client.mqtt().publishes(MqttGlobalPublishFilter.ALL);
            client.mqtt().subscribeWith().topicFilter("plant/#").qos(MqttQos.AT_LEAST_ONCE).send();
            client.mqtt().publishWith().topic("plant/a").payload("on".getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
            assertEquals("plant/a", received.receive(5, TimeUnit.SECONDS).orElseThrow().getTopic().toString());
        }
    }

    @Test
    void importingTheSameExportTwiceChangesNothingAndSaysSo() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("twice")).withCertificate();
        registry.device("a");
        export.broker(Api.unique("bus"));

        assertEquals(List.of("CREATED", "CREATED", "CREATED"), importInto(editor, folder, export.importBody()).getList("items.status"));
        JsonPath again = importInto(editor, folder, export.importBody());
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED"), again.getList("items.status"));
        assertEquals(List.of(), again.getList("items.password").stream().filter(p -> p != null).toList());
        Api.as(editor).get("/iot-devices/v1/registries/{id}/passwords", registry.id).then()
                .body("passwords.size()", equalTo(1));

        // A device added in IoT Core since: the second run brings only it.
        var added = registry.device("b");
        JsonPath third = importInto(editor, folder, export.importBody());
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "CREATED", "UNCHANGED"), third.getList("items.status"));
        assertNotNull(passwordOf(third, added.id));
    }

    @Test
    void aConflictIsReportedPerItemAndNothingOfItsRegistryComesOver() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var takenName = export.registry(Api.unique("taken"));
        var takenNameDevice = takenName.device("d");
        var stolenCertificate = export.registry(Api.unique("stolen"));
        var first = stolenCertificate.device("first");
        var holder = stolenCertificate.device("holder");
        var badFingerprint = export.registry(Api.unique("badfp"));
        badFingerprint.device("d");
        var fine = export.broker(Api.unique("fine"));
        Map<String, Object> body = export.importBody();
        certificateOf(device(body, 2, 0)).put("fingerprint", "00".repeat(20));

        Api.newRegistry(editor, folder, takenName.name);
        String other = Api.newRegistry(editor, folder, Api.unique("other"));
        Api.as(editor).body(Map.of("registryId", other, "name", "owner",
                        "certificates", List.of(Map.of("certificateData", holder.certificate().issued().pem()))))
                .post("/iot-devices/v1/devices").then().statusCode(200);

        JsonPath result = importInto(editor, folder, body);
        assertEquals("CONFLICT", statusOf(result, takenName.id));
        assertTrue(reasonOf(result, takenName.id).contains("name " + takenName.name + " is taken"));
        assertEquals("SKIPPED", statusOf(result, takenNameDevice.id));
        assertEquals("SKIPPED", statusOf(result, stolenCertificate.id));
        assertEquals("SKIPPED", statusOf(result, first.id));
        assertEquals("CONFLICT", statusOf(result, holder.id));
        assertTrue(reasonOf(result, holder.id).contains("registered on another"));
        assertEquals("INVALID", statusOf(result, badFingerprint.devices.get(0).id));
        assertTrue(reasonOf(result, badFingerprint.devices.get(0).id).contains("is not the certificate's"));
        assertEquals("SKIPPED", statusOf(result, badFingerprint.id));
        assertEquals("CREATED", statusOf(result, fine.id));
        for (String absent : List.of(takenName.id, stolenCertificate.id, first.id, badFingerprint.id)) {
            Api.as(editor).get("/iot-devices/v1/registries/{id}", absent).then().statusCode(404);
            Api.as(editor).get("/iot-devices/v1/devices/{id}", absent).then().statusCode(404);
        }

        // The same IDs in another folder belong to this one.
        String elsewhere = Api.newFolder();
        JsonPath moved = importInto(Api.adminKey(), elsewhere, Map.of("brokers", List.of(
                Map.of("id", fine.id, "name", "moved"))));
        assertEquals("CONFLICT", moved.getString("items[0].status"));
        assertEquals("broker " + fine.id + " exists in another folder", moved.getString("items[0].reason"));
    }

    @Test
    void aDryRunReportsWhatWouldBeCreatedAndCreatesNothing() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("dry"));
        var device = registry.device("d");
        Map<String, Object> body = new LinkedHashMap<>(export.importBody());
        body.put("dry_run", true);

        JsonPath result = importInto(editor, folder, body);
        assertTrue(result.getBoolean("dryRun"));
        assertEquals(List.of("WOULD_CREATE", "WOULD_CREATE"), result.getList("items.status"));
        assertEquals(List.of(), result.getList("items.password").stream().filter(p -> p != null).toList());
        Api.as(editor).get("/iot-devices/v1/registries/{id}", registry.id).then().statusCode(404);
        Api.as(editor).get("/iot-devices/v1/devices/{id}", device.id).then().statusCode(404);
        Api.as(editor).body(Map.of("certificateData", device.certificate().issued().pem()))
                .post("/iot-devices/v1/devices/{id}/certificates", device.id).then().statusCode(404);
    }

    @Test
    void camelCaseAsTheRestApiSpellsItIsAcceptedToo() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("camel"));
        var device = registry.device("d");
        Map<String, Object> body = IotCoreExport.camelCase(export.importBody());
        assertTrue(body.toString().contains("certificateData") && !body.toString().contains("certificate_data"));

        assertEquals(List.of("CREATED", "CREATED"), importInto(editor, folder, body).getList("items.status"));
        Api.as(editor).get("/iot-devices/v1/devices/{id}", device.id).then().statusCode(200)
                .body("topicAliases.'d/events'", equalTo("$devices/" + device.id + "/events"));
        Api.as(editor).get("/iot-devices/v1/devices/{id}/certificates", device.id).then()
                .body("certificates.certificateData", hasItem(device.certificate().issued().pem()));
    }

    @Test
    void onlyAnEditorOrAdministratorOfTheFolderImports() {
        String folder = Api.newFolder();
        var export = new IotCoreExport();
        export.registry(Api.unique("roles")).device("d");
        Map<String, Object> body = export.importBody();
        for (String role : List.of("iot.viewer", "iot.auditor", "iot.devices.writer")) {
            Api.as(Api.newKey(folder, role)).body(body).post(IMPORT, folder).then().statusCode(403).body("code", equalTo(7));
        }
        String stranger = Api.newKey(Api.newFolder(), "iot.editor");
        Api.as(stranger).body(body).post(IMPORT, folder).then().statusCode(404).body("code", equalTo(5));
        Api.as(Api.adminKey()).body(body).post(IMPORT, "b1gnosuchfolder00000").then().statusCode(404);
        Api.as(Api.adminKey()).body(body).post(IMPORT, folder).then().statusCode(200)
                .body("items.status", equalTo(List.of("CREATED", "CREATED")));
    }

    @Test
    void invalidInputIsRefusedWholeNamingTheFieldAsSent() {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("bad"));
        registry.device("a");
        registry.device("b");

        Map<String, Object> body = export.importBody();
        certificateOf(device(body, 0, 1)).put("certificate_data", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----");
        refused(editor, folder, body, "registries[0].devices[1].certificates[0].certificate_data: ");
        Map<String, Object> camel = IotCoreExport.camelCase(export.importBody());
        certificateOf(device(camel, 0, 1)).put("certificateData", TestCertificates.selfSigned("x").privateKeyPem());
        refused(editor, folder, camel, "registries[0].devices[1].certificates[0].certificateData: ");

        body = export.importBody();
        device(body, 0, 0).put("pasword", "Typo-In-The-Field-1");
        refusedUnchecked(editor, folder, body, "registries[0].devices[0].pasword: unknown field");
        body = export.importBody();
        device(body, 0, 1).put("password", "short");
        refused(editor, folder, body, "registries[0].devices[1].password: password must be at least 14");
        body = export.importBody();
        device(body, 0, 1).put("id", registry.devices.get(0).id);
        device(body, 0, 1).remove("certificates"); // they name the device by its own ID
        refused(editor, folder, body, "registries[0].devices[1].id: the same ID as registries[0].devices[0]");
        body = export.importBody();
        device(body, 0, 0).put("topic_aliases", Map.of("$bad", "$devices/" + registry.devices.get(0).id + "/events"));
        refused(editor, folder, body, "registries[0].devices[0].topic_aliases[$bad]: ");
        body = export.importBody();
        device(body, 0, 0).remove("name");
        refused(editor, folder, body, "registries[0].devices[0].name: required");

        Api.as(editor).get("/iot-devices/v1/registries/{id}", registry.id).then().statusCode(404);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonPath importInto(String key, String folder, Map<String, Object> body) {
        return Api.as(key).body(body).post(IMPORT, folder).then().statusCode(200).extract().jsonPath();
    }

    private static void refused(String key, String folder, Map<String, Object> body, String message) {
        Api.as(key).body(body).post(IMPORT, folder).then().statusCode(400).body("code", equalTo(3))
                .body("message", startsWith(message));
    }

    private static void refusedUnchecked(String key, String folder, Map<String, Object> body, String message) {
        Api.unchecked(key).body(body).post(IMPORT, folder).then().statusCode(400).body("message", containsString(message));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> device(Map<String, Object> body, int registry, int device) {
        var registries = (List<Map<String, Object>>) body.get("registries");
        var devices = new ArrayList<>((List<Map<String, Object>>) registries.get(registry).get("devices"));
        Map<String, Object> copy = new LinkedHashMap<>(devices.get(device));
        devices.set(device, copy);
        registries.get(registry).put("devices", devices);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> certificateOf(Map<String, Object> device) {
        var certificates = new ArrayList<>((List<Map<String, Object>>) device.getOrDefault("certificates", List.of()));
        Map<String, Object> copy = new LinkedHashMap<>(certificates.get(0));
        certificates.set(0, copy);
        device.put("certificates", certificates);
        return copy;
    }

    private static String passwordOf(JsonPath result, String id) {
        return result.getString("items.find { it.id == '" + id + "' }.password");
    }

    private static String statusOf(JsonPath result, String id) {
        return result.getString("items.find { it.id == '" + id + "' }.status");
    }

    private static String reasonOf(JsonPath result, String id) {
        return result.getString("items.find { it.id == '" + id + "' }.reason");
    }

    /** An MQTT 3.1.1 client over TLS, as IoT Core's clients are, presenting the certificate (or none). */
    private static Tls3 tls3(String clientId, TestCertificates.Issued certificate) {
        return new Tls3(MqttClient.builder().useMqttVersion3().identifier(clientId).serverHost("localhost")
                .serverPort(MqttClients.port(MqttListeners.Kind.TLS)).sslConfig(MqttClients.tls(certificate))
                .buildBlocking());
    }

    private record Tls3(Mqtt3BlockingClient mqtt) implements AutoCloseable {
        @Override
        public void close() {
            if (mqtt.getState().isConnected()) {
                mqtt.disconnect();
            }
        }
    }
}
