package io.iotgate.api;

import io.iotgate.support.Api;
import io.iotgate.support.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Certificates and passwords behave alike on the three kinds of owner. */
@QuarkusTest
class CredentialApiTest {

    private String editor;
    private String folder;

    /** Creates an owner of the kind and returns its credentials base path. */
    private String owner(String kind) {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        return switch (kind) {
            case "registry" -> "/iot-devices/v1/registries/" + Api.newRegistry(editor, folder, "r");
            case "device" -> "/iot-devices/v1/devices/" + Api.newDevice(editor, Api.newRegistry(editor, folder, "r"), "d");
            case "broker" -> "/iot-broker/v1/brokers/" + Api.newBroker(editor, folder, "b");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry", "device", "broker"})
    void certificatesAreAddedListedAndDeletedBySha256Fingerprint(String kind) throws Exception {
        String base = owner(kind);
        var cert = TestCertificates.selfSigned("cert-of-" + kind);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.certificate().getEncoded()));

        Api.as(editor).body(Map.of("certificateData", cert.pem()))
                .post(base + "/certificates")
                .then().statusCode(200).body("done", equalTo(true))
                .body("metadata.fingerprint", equalTo(sha256))
                .body("response.fingerprint", equalTo(sha256));
        Api.as(editor).get(base + "/certificates")
                .then().statusCode(200)
                .body("certificates.fingerprint", equalTo(List.of(sha256)))
                .body("certificates[0].certificateData", containsString("BEGIN CERTIFICATE"));
        Api.as(editor).delete(base + "/certificates/{fp}", sha256).then().statusCode(200);
        Api.as(editor).get(base + "/certificates").then().statusCode(200).body("certificates", empty());
        Api.as(editor).delete(base + "/certificates/{fp}", sha256).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry", "device", "broker"})
    void passwordsAreListedWithoutAnyTraceOfTheValue(String kind) {
        String base = owner(kind);
        String passwordId = Api.as(editor).body(Map.of("password", "Correct-Horse-Battery-9"))
                .post(base + "/passwords")
                .then().statusCode(200).body("done", equalTo(true))
                .extract().path("metadata.passwordId");
        Api.as(editor).get(base + "/passwords")
                .then().statusCode(200)
                .body("passwords.id", equalTo(List.of(passwordId)))
                .body("passwords[0]", not(hasKey("password")))
                .body("passwords[0]", not(hasKey("hash")))
                .body(not(containsString("Correct-Horse")))
                .body(not(containsString("argon2")));
        Api.as(editor).delete(base + "/passwords/{id}", passwordId).then().statusCode(200);
        Api.as(editor).get(base + "/passwords").then().statusCode(200).body("passwords", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-Aa1", "alllowercaseletters", "lowercaseanddigits123", "UPPERANDlowerletters"})
    void weakPasswordsAreRefusedSayingWhy(String weak) {
        String base = owner("device");
        Api.unchecked(editor).body(Map.of("password", weak)).post(base + "/passwords")
                .then().statusCode(400).body("code", equalTo(3)).body("message", containsString("password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry", "device", "broker"})
    void aCertificateBelongsToOneResourceAcrossTheService(String kind) {
        String first = owner(kind);
        var cert = TestCertificates.selfSigned("shared");
        Api.as(editor).body(Map.of("certificateData", cert.pem())).post(first + "/certificates").then().statusCode(200);
        String second = owner("device");
        Api.as(editor).body(Map.of("certificateData", cert.pem())).post(second + "/certificates")
                .then().statusCode(409).body("code", equalTo(6));
    }

    @org.junit.jupiter.api.Test
    void invalidCertificatesAreRefusedNamingTheField() {
        String base = owner("device");
        Api.unchecked(editor).body(Map.of("certificateData", "not a certificate")).post(base + "/certificates")
                .then().statusCode(400).body("message", containsString("certificateData"));
        var expired = TestCertificates.selfSigned("old", Instant.now().minus(30, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS));
        Api.unchecked(editor).body(Map.of("certificateData", expired.pem())).post(base + "/certificates")
                .then().statusCode(400).body("message", containsString("expired"));
        Api.unchecked(editor).body(Map.of()).post(base + "/certificates")
                .then().statusCode(400).body("message", containsString("certificateData"));
    }

    @org.junit.jupiter.api.Test
    void deletingAcceptsTheSha1FormOfIotCoreExports() throws Exception {
        String base = owner("device");
        var cert = TestCertificates.selfSigned("exported");
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.certificate().getEncoded()));
        Api.as(editor).body(Map.of("certificateData", cert.pem())).post(base + "/certificates").then().statusCode(200);
        Api.as(editor).delete(base + "/certificates/{fp}", sha1).then().statusCode(200);
        Api.as(editor).get(base + "/certificates").then().body("certificates", empty());
    }

    @org.junit.jupiter.api.Test
    void aDeviceCanBeCreatedWithItsCertificatesAndPassword() {
        folder = Api.newFolder();
        editor = Api.newKey(folder, "iot.editor");
        String registry = Api.newRegistry(editor, folder, "r");
        var cert = TestCertificates.selfSigned("inline");
        String id = Api.as(editor).body(Map.of("registryId", registry, "name", "complete",
                        "certificates", List.of(Map.of("certificateData", cert.pem())),
                        "password", "Inline-Password-2024"))
                .post("/iot-devices/v1/devices")
                .then().statusCode(200).extract().path("response.id");
        Api.as(editor).get("/iot-devices/v1/devices/{id}/certificates", id).then().body("certificates", hasSize(1));
        Api.as(editor).get("/iot-devices/v1/devices/{id}/passwords", id).then().body("passwords", hasSize(1));

        // A bad certificate in a create request names its position and creates nothing.
        Api.unchecked(editor).body(Map.of("registryId", registry, "name", "broken",
                        "certificates", List.of(Map.of("certificateData", "junk"))))
                .post("/iot-devices/v1/devices")
                .then().statusCode(400).body("message", containsString("certificates[0].certificateData"));
        Api.as(editor).queryParam("registryId", registry).get("/iot-devices/v1/devices")
                .then().body("devices.name", not(hasItem("broken")));
    }
}
