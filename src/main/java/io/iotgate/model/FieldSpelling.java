package io.iotgate.model;

/**
 * IoT Core spells the same field two ways: {@code folder_id} in {@code yc} exports, {@code folderId} in its
 * REST API. The import (API and command line) accepts both and reads them through this one conversion.
 */
public final class FieldSpelling {

    private FieldSpelling() {
    }

    /** {@code topic_aliases} → {@code topicAliases}; a name without underscores stays as it is. */
    public static String camelCase(String snakeCase) {
        StringBuilder out = new StringBuilder(snakeCase.length());
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
