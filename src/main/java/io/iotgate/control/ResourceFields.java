package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.model.LogOptions;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** IoT Core's rules for the fields every resource shares; each failure names its field. */
final class ResourceFields {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,50}");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][-_0-9a-z]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[-_0-9a-z]{0,63}");
    private static final int MAX_DESCRIPTION = 256;
    private static final int MAX_LABELS = 64;
    private static final Set<String> LOG_LEVELS =
            Set.of("LEVEL_UNSPECIFIED", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    private ResourceFields() {
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidArgument("name: required, 1 to 50 characters of letters, digits, '-' and '_'");
        }
        return name;
    }

    static String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidArgument("description: at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    static Map<String, String> labels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        if (labels.size() > MAX_LABELS) {
            throw new InvalidArgument("labels: at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new InvalidArgument("labels: key '" + key + "' must match [a-z][-_0-9a-z]* and be 1 to 63 characters");
            }
            if (value == null || !LABEL_VALUE.matcher(value).matches()) {
                throw new InvalidArgument("labels[" + key + "]: value must match [-_0-9a-z]* and be at most 63 characters");
            }
        });
        return labels;
    }

    static LogOptions logOptions(LogOptions options) {
        if (options == null) {
            return LogOptions.DEFAULT;
        }
        String level = options.minLevel() == null ? "LEVEL_UNSPECIFIED" : options.minLevel();
        if (!LOG_LEVELS.contains(level)) {
            throw new InvalidArgument("logOptions.minLevel: one of " + String.join(", ", LOG_LEVELS.stream().sorted().toList()));
        }
        return new LogOptions(options.disabled(), level);
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgument(field + ": required");
        }
        return value;
    }

    /**
     * Splits an update mask ("name,description,labels") and refuses paths the resource does not have.
     */
    static Set<String> updateMask(String mask, Set<String> updatable) {
        if (mask == null || mask.isBlank()) {
            throw new InvalidArgument("updateMask: required, a comma-separated list of " + String.join(", ", updatable));
        }
        Set<String> paths = new java.util.LinkedHashSet<>();
        for (String path : mask.split(",")) {
            String trimmed = path.trim();
            if (!updatable.contains(trimmed)) {
                throw new InvalidArgument("updateMask: '" + trimmed + "' is not one of " + String.join(", ", updatable));
            }
            paths.add(trimmed);
        }
        return paths;
    }
}
