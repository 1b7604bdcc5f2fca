package io.iotgate.cli;

import io.iotgate.support.Api;
import io.iotgate.support.IotCoreExport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line against the running test service: yc export files in, resources and passwords out. */
@QuarkusTest
class ImportCommandTest {

    @TestHTTPResource("/")
    URL service;

    /** What one run of the command printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    @Test
    void aDirectoryOfYcExportsComesOverAndASecondRunChangesNothing(@TempDir Path exports) throws Exception {
        String folder = Api.newFolder();
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("plant")).withCertificate();
        var device = registry.device("boiler");
        var broker = export.broker(Api.unique("bus"));
        export.writeTo(exports);
        Files.writeString(exports.resolve("passwords.json"), "{\"" + device.id + "\": \"Boiler-Password-2026!\"}");

        Run dryRun = run(List.of("--folder", folder, "--dry-run", exports.toString()), Api.adminKey());
        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertTrue(dryRun.out().contains("3 would_create"), dryRun.out());
        Api.as(Api.adminKey()).get("/iot-devices/v1/registries/{id}", registry.id).then().statusCode(404);

        Run first = run(List.of("--folder", folder, exports.toString()), Api.adminKey());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("3 created"), first.out());
        assertTrue(first.out().contains("Generated passwords are shown only this once"), first.out());
        assertEquals(List.of(registry.id, broker.id), idsWithPasswords(first.out()),
                "the device got the password given for it; the others generated ones");
        Api.as(Api.adminKey()).get("/iot-devices/v1/devices/{id}", device.id).then().statusCode(200)
                .body("registryId", equalTo(registry.id))
                .body("topicAliases.'boiler/events'", equalTo("$devices/" + device.id + "/events"));
        Api.as(Api.adminKey()).get("/iot-broker/v1/brokers/{id}/certificates", broker.id).then()
                .body("certificates.certificateData", hasItem(broker.certificate().issued().pem()));

        Run second = run(List.of("--folder", folder, exports.toString()), Api.adminKey());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("3 unchanged"), second.out());
        assertEquals(List.of(), idsWithPasswords(second.out()));
    }

    @Test
    void singleFilesWithTheKeyFromTheEnvironmentAndRefusalsAsExitStatus(@TempDir Path exports) throws Exception {
        String folder = Api.newFolder();
        String editor = Api.newKey(folder, "iot.editor");
        var export = new IotCoreExport();
        var registry = export.registry(Api.unique("files"));
        var device = registry.device("d");
        export.writeTo(exports);
        List<String> files = List.of(exports.resolve("registries.json").toString(),
                exports.resolve("devices-" + registry.id + ".json").toString(),
                exports.resolve("device-certificates-" + device.id + ".json").toString());

        List<String> args = new ArrayList<>(List.of("--folder", folder));
        args.addAll(files);
        Run imported = run(args, null, Map.of("IOTGATE_API_KEY", editor));
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("2 created"), imported.out());

        // The same registry name under other IDs: refused item by item, exit status 1.
        var clash = new IotCoreExport();
        clash.registry(registry.name).device("d");
        Path other = Files.createDirectory(exports.resolve("clash"));
        clash.writeTo(other);
        Run refused = run(List.of("--folder", folder, other.toString()), editor);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.out().contains("CONFLICT") && refused.out().contains("SKIPPED"), refused.out());

        Run viewer = run(List.of("--folder", folder, other.toString()), Api.newKey(folder, "iot.viewer"));
        assertEquals(1, viewer.exitCode());
        assertTrue(viewer.err().contains("HTTP 403"), viewer.err());

        Run usage = run(List.of(exports.toString()), editor);
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("--folder is required"), usage.err());
        Files.writeString(exports.resolve("mystery.json"), "[{\"id\": \"are00000000000000000\", \"name\": \"x\"}]");
        Run unclear = run(List.of("--folder", folder, exports.resolve("mystery.json").toString()), editor);
        assertEquals(2, unclear.exitCode());
        assertTrue(unclear.err().contains("*registries*.json or *brokers*.json"), unclear.err());
    }

    private Run run(List<String> args, String apiKey) {
        return run(args, apiKey, Map.of());
    }

    private Run run(List<String> args, String apiKey, Map<String, String> environment) {
        List<String> all = new ArrayList<>(List.of("--url", service.toString()));
        if (apiKey != null) {
            all.addAll(List.of("--api-key", apiKey));
        }
        all.addAll(args);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode = ImportCommand.run(all, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> idsWithPasswords(String out) {
        Matcher lines = Pattern.compile("(?m)^CREATED\\s+\\w+\\s+(\\S+)\\s.*password: \\S+$").matcher(out);
        List<String> ids = new ArrayList<>();
        while (lines.find()) {
            ids.add(lines.group(1));
        }
        return ids;
    }
}
