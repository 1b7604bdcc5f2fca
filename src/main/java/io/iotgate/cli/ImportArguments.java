package io.iotgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code import --folder <id> [--dry-run] [--url <url>] [--api-key <key>] <files or directories>}; the key may
 * come from {@code IOTGATE_API_KEY} instead, which keeps it out of the shell history and process list.
 */
record ImportArguments(String folderId, boolean dryRun, String url, String apiKey, List<Path> inputs) {

    static final String USAGE = """
            usage: import --folder <folderId> [--dry-run] [--url <url>] [--api-key <key>] <files or directories>
              Imports IoT Core exports (yc iot registry list / device list / broker list / certificate list,
              --format json; a directory means every *.json in it) into the folder, keeping IDs and certificates.
              A JSON object of resource ID to password gives new passwords; the others get generated ones.
              --url       the iotgate API (default http://localhost:8080)
              --api-key   an API key of an editor of the folder or an administrator (default: $IOTGATE_API_KEY)
              --dry-run   only report what the import would create
            """;

    static final String DEFAULT_URL = "http://localhost:8080";

    /** Thrown for arguments that make no command; the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static ImportArguments parse(List<String> args, Map<String, String> environment) {
        String folder = null;
        String url = DEFAULT_URL;
        String apiKey = environment.get("IOTGATE_API_KEY");
        boolean dryRun = false;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--folder" -> folder = value(args, ++i, arg);
                case "--url" -> url = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (folder == null || folder.isBlank()) {
            throw new UsageException("--folder is required");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new UsageException("an API key is required: --api-key or IOTGATE_API_KEY");
        }
        if (inputs.isEmpty()) {
            throw new UsageException("name at least one export file or directory");
        }
        return new ImportArguments(folder, dryRun, url.replaceAll("/+$", ""), apiKey, List.copyOf(inputs));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
