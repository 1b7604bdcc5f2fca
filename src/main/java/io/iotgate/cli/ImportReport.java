package io.iotgate.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Prints what the service did, item by item, with generated passwords this once, then a count per status. */
final class ImportReport {

    private final PrintStream out;
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean passwordsShown;

    ImportReport(PrintStream out) {
        this.out = out;
    }

    void add(JsonNode result) {
        for (JsonNode item : result.path("items")) {
            String status = item.path("status").asText();
            counts.merge(status, 1, Integer::sum);
            StringBuilder line = new StringBuilder(String.format("%-13s %-9s %s  %s", status,
                    item.path("kind").asText().toLowerCase(), item.path("id").asText(), item.path("name").asText()));
            if (item.hasNonNull("password")) {
                line.append("  password: ").append(item.get("password").asText());
                passwordsShown = true;
            }
            if (item.hasNonNull("reason")) {
                line.append("\n              ").append(item.get("reason").asText());
            }
            out.println(line);
        }
    }

    /** True when every item came over or was there already (or, in a dry run, would come over). */
    boolean allImported() {
        return counts.keySet().stream().allMatch(status -> status.equals("CREATED") || status.equals("UNCHANGED")
                || status.equals("WOULD_CREATE"));
    }

    void finish() {
        StringBuilder summary = new StringBuilder();
        counts.forEach((status, count) -> summary.append(summary.isEmpty() ? "" : ", ")
                .append(count).append(' ').append(status.toLowerCase()));
        out.println(summary.isEmpty() ? "nothing to import" : summary.toString());
        if (passwordsShown) {
            out.println("Generated passwords are shown only this once: store them now.");
        }
    }
}
