package io.iotgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotgate.model.FieldSpelling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads IoT Core exports as {@code yc ... --format json} writes them, one list per file, and nests them the
 * way {@code :import} takes them: devices under their registry, certificates under their owner, topic aliases
 * and new passwords onto their resource. Fields are passed on as written, so that the service's messages
 * name them as the user's files do. What a file holds is told by its content (owner fields such as
 * {@code registry_id}, {@code certificate_data}); only registry and broker lists look alike, so their file
 * names must say which ({@code *registr*}, {@code *broker*}).
 */
final class ExportFiles {

    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z0-9]{20}");

    /** The registries (with devices) and brokers read, each ready to be sent as one item of a request. */
    record Export(List<ObjectNode> registries, List<ObjectNode> brokers) {}

    /** A file that is no export, or an export that contradicts itself; the message names the file. */
    static final class ExportException extends RuntimeException {
        ExportException(String message) {
            super(message, null, false, false);
        }
    }

    private final ObjectMapper json;
    private final Map<String, ObjectNode> registries = new LinkedHashMap<>();
    private final Map<String, ObjectNode> brokers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> devices = new LinkedHashMap<>();
    private final List<Listed> certificates = new ArrayList<>();
    private final List<Listed> aliases = new ArrayList<>();
    private final List<Listed> deviceItems = new ArrayList<>();
    private final Map<String, Listed> passwords = new LinkedHashMap<>();

    /** An item of a file, remembered with the file for messages. */
    private record Listed(Path file, ObjectNode item) {}

    private ExportFiles(ObjectMapper json) {
        this.json = json;
    }

    static Export read(ObjectMapper json, List<Path> inputs) {
        var files = new ExportFiles(json);
        for (Path input : inputs) {
            files.expand(input).forEach(files::readFile);
        }
        return files.assembled();
    }

    private List<Path> expand(Path input) {
        if (!Files.isDirectory(input)) {
            if (!Files.isRegularFile(input)) {
                throw new ExportException(input + ": no such file or directory");
            }
            return List.of(input);
        }
        try (Stream<Path> listing = Files.list(input)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ExportException(input + ": " + e.getMessage());
        }
    }

    private void readFile(Path file) {
        JsonNode content;
        try {
            content = json.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ExportException(file + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ExportException(file + ": " + e.getMessage());
        }
        if (content instanceof ObjectNode object && (object.has("registries") || object.has("brokers"))) {
            // Already in the shape of :import, e.g. a file written for curl.
            items(file, object.get("registries")).forEach(item -> put(registries, file, item));
            items(file, object.get("brokers")).forEach(item -> put(brokers, file, item));
        } else if (content instanceof ObjectNode object && isPasswordMap(object)) {
            object.fields().forEachRemaining(entry -> passwords.put(entry.getKey(),
                    new Listed(file, json.createObjectNode().put("password", entry.getValue().textValue()))));
        } else if (content instanceof ObjectNode object && object.has("id")) {
            classify(file, List.of(object)); // yc ... get prints one object
        } else if (content instanceof ArrayNode) {
            classify(file, items(file, content));
        } else {
            throw new ExportException(file + ": not an IoT Core export (a JSON list of registries, devices, brokers or certificates)");
        }
    }

    private void classify(Path file, List<ObjectNode> items) {
        String name = file.getFileName().toString().toLowerCase();
        for (ObjectNode item : items) {
            if (has(item, "certificate_data")) {
                certificates.add(new Listed(file, item));
            } else if (has(item, "alias") && has(item, "topic_prefix")) {
                aliases.add(new Listed(file, item)); // yc iot registry list-device-topic-aliases
            } else if (has(item, "registry_id")) {
                deviceItems.add(new Listed(file, item));
            } else if (name.contains("broker")) {
                put(brokers, file, item);
            } else if (name.contains("registr")) {
                put(registries, file, item);
            } else {
                throw new ExportException(file + ": lists registries or brokers, which look alike: name the file "
                        + "*registries*.json or *brokers*.json");
            }
        }
    }

    private Export assembled() {
        for (Listed device : deviceItems) {
            String registryId = text(device, "registry_id");
            ObjectNode registry = registries.get(registryId);
            if (registry == null) {
                throw new ExportException(device.file() + ": device " + text(device, "id") + " belongs to registry "
                        + registryId + ", which no registry list names");
            }
            registry.withArray("devices").add(device.item());
            devices.put(text(device, "id"), device.item());
        }
        registries.values().forEach(registry -> nested(registry, "devices")
                .forEach(device -> devices.putIfAbsent(device.path("id").asText(), device)));
        for (Listed certificate : certificates) {
            owner(certificate).withArray("certificates").add(certificate.item());
        }
        for (Listed alias : aliases) {
            ObjectNode device = devices.get(text(alias, "device_id"));
            if (device == null) {
                throw new ExportException(alias.file() + ": alias of device " + text(alias, "device_id")
                        + ", which no device list names");
            }
            String field = device.has("topicAliases") ? "topicAliases" : "topic_aliases";
            ObjectNode target = device.has(field) ? (ObjectNode) device.get(field) : device.putObject(field);
            target.put(text(alias, "alias"), text(alias, "topic_prefix"));
        }
        passwords.forEach((id, password) -> {
            ObjectNode owner = registries.containsKey(id) ? registries.get(id)
                    : devices.containsKey(id) ? devices.get(id) : brokers.get(id);
            if (owner == null) {
                throw new ExportException(password.file() + ": a password for " + id + ", which no export names");
            }
            owner.put("password", password.item().get("password").textValue());
        });
        return new Export(List.copyOf(registries.values()), List.copyOf(brokers.values()));
    }

    private ObjectNode owner(Listed certificate) {
        for (var owner : List.of(Map.entry("registry_id", registries), Map.entry("device_id", devices),
                Map.entry("broker_id", brokers))) {
            if (has(certificate.item(), owner.getKey())) {
                String id = text(certificate, owner.getKey());
                ObjectNode found = owner.getValue().get(id);
                if (found == null) {
                    throw new ExportException(certificate.file() + ": certificate of " + id + ", which no export names");
                }
                return found;
            }
        }
        throw new ExportException(certificate.file() + ": a certificate without registry_id, device_id or broker_id");
    }

    private void put(Map<String, ObjectNode> byId, Path file, ObjectNode item) {
        String id = item.path("id").asText(null);
        if (id == null) {
            throw new ExportException(file + ": an item without id");
        }
        ObjectNode earlier = byId.putIfAbsent(id, item.deepCopy());
        if (earlier != null && !earlier.equals(item)) {
            throw new ExportException(file + ": " + id + " is listed twice, differently");
        }
    }

    private static List<ObjectNode> nested(ObjectNode node, String field) {
        List<ObjectNode> items = new ArrayList<>();
        node.path(field).forEach(item -> {
            if (item instanceof ObjectNode object) {
                items.add(object);
            }
        });
        return items;
    }

    private static List<ObjectNode> items(Path file, JsonNode list) {
        List<ObjectNode> items = new ArrayList<>();
        if (list == null || list.isNull()) {
            return items;
        }
        if (!list.isArray()) {
            throw new ExportException(file + ": expected a JSON list");
        }
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (!(item instanceof ObjectNode object)) {
                throw new ExportException(file + ": expected a list of JSON objects");
            }
            items.add(object);
        }
        return items;
    }

    private static boolean isPasswordMap(ObjectNode object) {
        if (object.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!RESOURCE_ID.matcher(entry.getKey()).matches() || !entry.getValue().isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** yc writes snake_case; the REST API and hand-written files camelCase: either is read. */
    private static boolean has(ObjectNode item, String snake) {
        return item.has(snake) || item.has(FieldSpelling.camelCase(snake));
    }

    private static String text(Listed listed, String snake) {
        JsonNode value = listed.item().has(snake) ? listed.item().get(snake) : listed.item().get(FieldSpelling.camelCase(snake));
        return value == null ? null : value.asText();
    }

}
