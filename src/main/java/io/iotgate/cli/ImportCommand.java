package io.iotgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar quarkus-run.jar import ...}: reads the exports, sends them to the service's import endpoint
 * and prints the result. Exit status 0 when everything came over (or was there already), 1 when an item was
 * refused or the service answered an error, 2 for wrong arguments or unreadable exports.
 */
public final class ImportCommand {

    /** The service takes bodies up to 1 MiB; larger exports go in several requests, each registry or broker whole. */
    static final int MAX_REQUEST_CHARS = 900 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;

    private ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String... args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return new ImportCommand(out, err).execute(args, environment);
    }

    private int execute(List<String> args, Map<String, String> environment) {
        ImportArguments arguments;
        ExportFiles.Export export;
        try {
            arguments = ImportArguments.parse(args, environment);
            export = ExportFiles.read(json, arguments.inputs());
        } catch (ImportArguments.UsageException e) {
            err.println("import: " + e.getMessage());
            err.print(ImportArguments.USAGE);
            return 2;
        } catch (ExportFiles.ExportException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
        var client = new ImportClient(arguments.url(), arguments.apiKey());
        var report = new ImportReport(out);
        try {
            for (String body : requests(export, arguments.dryRun())) {
                ImportClient.Answer answer = client.post(arguments.folderId(), body);
                if (answer.status() != 200) {
                    err.println("import: the service refused the import (HTTP " + answer.status() + "): "
                            + messageOf(answer.body()));
                    report.finish();
                    return 1;
                }
                report.add(json.readTree(answer.body()));
            }
        } catch (IOException e) {
            err.println("import: cannot reach " + arguments.url() + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        report.finish();
        return report.allImported() ? 0 : 1;
    }

    /** The {@code message} of the service's error body, or the body itself when it is no JSON error. */
    private String messageOf(String body) {
        try {
            return json.readTree(body).path("message").asText(body);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    /** Registries and brokers packed into as few bodies as the service's size limit allows. */
    private List<String> requests(ExportFiles.Export export, boolean dryRun) throws JsonProcessingException {
        List<String> bodies = new ArrayList<>();
        ObjectNode body = newBody(dryRun);
        int size = 0;
        List<Map.Entry<String, ObjectNode>> items = new ArrayList<>();
        export.registries().forEach(r -> items.add(Map.entry("registries", r)));
        export.brokers().forEach(b -> items.add(Map.entry("brokers", b)));
        for (var item : items) {
            int itemSize = json.writeValueAsString(item.getValue()).length();
            if (size > 0 && size + itemSize > MAX_REQUEST_CHARS) {
                bodies.add(json.writeValueAsString(body));
                body = newBody(dryRun);
                size = 0;
            }
            body.withArray(item.getKey()).add(item.getValue());
            size += itemSize;
        }
        if (size > 0) {
            bodies.add(json.writeValueAsString(body));
        }
        return bodies;
    }

    private ObjectNode newBody(boolean dryRun) {
        ObjectNode body = json.createObjectNode();
        body.putArray("registries");
        body.putArray("brokers");
        body.put("dryRun", dryRun);
        return body;
    }
}
