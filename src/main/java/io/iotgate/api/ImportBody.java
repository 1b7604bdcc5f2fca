package io.iotgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ImportRequest.BrokerItem;
import io.iotgate.control.ImportRequest.CertificateItem;
import io.iotgate.control.ImportRequest.DeviceItem;
import io.iotgate.control.ImportRequest.FieldStyle;
import io.iotgate.control.ImportRequest.ImportMode;
import io.iotgate.control.ImportRequest.RegistryItem;
import io.iotgate.control.ImportRequest;
import io.iotgate.model.FieldSpelling;
import io.iotgate.model.LogOptions;
import io.iotgate.model.ResourceStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the body of {@code :import}: IoT Core exports as {@code yc ... --format json} prints them
 * (snake_case: {@code certificate_data}, {@code topic_aliases}) or as IoT Core's REST API spells them
 * (camelCase). Fields of the export that iotgate does not take over ({@code created_at}, {@code folder_id},
 * {@code log_group_id}, ...) are accepted and ignored; any other field is a 400 naming it by its path, e.g.
 * {@code registries[0].devices[1].certificates[0].certificate_data}.
 */
final class ImportBody {

    private static final Set<String> TOP = Set.of("registries", "brokers", "dryRun");
    private static final Set<String> REGISTRY = Set.of("id", "folderId", "createdAt", "name", "description", "labels",
            "status", "logGroupId", "logOptions", "certificates", "password", "devices");
    private static final Set<String> DEVICE = Set.of("id", "registryId", "createdAt", "name", "description", "labels",
            "topicAliases", "status", "monitoringData", "certificates", "password");
    private static final Set<String> BROKER = Set.of("id", "folderId", "createdAt", "name", "description", "labels",
            "status", "logGroupId", "logOptions", "certificates", "password");
    private static final Set<String> CERTIFICATE = Set.of("registryId", "deviceId", "brokerId", "fingerprint",
            "certificateData", "createdAt");
    private static final Set<String> LOG_OPTIONS = Set.of("disabled", "minLevel", "logGroupId", "folderId");

    /** A field as sent: the key the caller wrote (for messages) and its value. */
    private record Sent(String path, JsonNode value) {}

    private boolean snakeCase;

    private ImportBody() {
    }

    static ImportRequest read(JsonNode body) {
        if (body == null || body.isNull()) {
            throw new InvalidArgument("request body: required, {\"registries\": [...], \"brokers\": [...]}");
        }
        var reader = new ImportBody();
        Map<String, Sent> top = reader.fields(body, "", TOP);
        List<RegistryItem> registries = new ArrayList<>();
        List<JsonNode> registryNodes = list(top.get("registries"));
        for (int i = 0; i < registryNodes.size(); i++) {
            registries.add(reader.registry(registryNodes.get(i), "registries[" + i + "]"));
        }
        List<BrokerItem> brokers = new ArrayList<>();
        List<JsonNode> brokerNodes = list(top.get("brokers"));
        for (int i = 0; i < brokerNodes.size(); i++) {
            brokers.add(reader.broker(brokerNodes.get(i), "brokers[" + i + "]"));
        }
        boolean dryRun = bool(top.get("dryRun"));
        return new ImportRequest(registries, brokers, dryRun ? ImportMode.DRY_RUN : ImportMode.APPLY,
                reader.snakeCase ? FieldStyle.SNAKE : FieldStyle.CAMEL);
    }

    private RegistryItem registry(JsonNode node, String path) {
        Map<String, Sent> f = fields(node, path, REGISTRY);
        String id = text(f.get("id"));
        List<DeviceItem> devices = new ArrayList<>();
        List<JsonNode> deviceNodes = list(f.get("devices"));
        for (int i = 0; i < deviceNodes.size(); i++) {
            devices.add(device(deviceNodes.get(i), path + ".devices[" + i + "]", id));
        }
        ResourceStatus status = "DISABLED".equalsIgnoreCase(text(f.get("status")))
                ? ResourceStatus.DISABLED : ResourceStatus.ACTIVE;
        return new RegistryItem(path, id, text(f.get("name")), text(f.get("description")), stringMap(f.get("labels")),
                logOptions(f.get("logOptions")), status, certificates(f.get("certificates"), "registryId", id),
                text(f.get("password")), devices);
    }

    private DeviceItem device(JsonNode node, String path, String registryId) {
        Map<String, Sent> f = fields(node, path, DEVICE);
        mustName(f.get("registryId"), registryId);
        String id = text(f.get("id"));
        return new DeviceItem(path, id, text(f.get("name")), text(f.get("description")), stringMap(f.get("labels")),
                stringMap(f.get("topicAliases")), certificates(f.get("certificates"), "deviceId", id),
                text(f.get("password")));
    }

    private BrokerItem broker(JsonNode node, String path) {
        Map<String, Sent> f = fields(node, path, BROKER);
        String id = text(f.get("id"));
        return new BrokerItem(path, id, text(f.get("name")), text(f.get("description")), stringMap(f.get("labels")),
                logOptions(f.get("logOptions")), certificates(f.get("certificates"), "brokerId", id),
                text(f.get("password")));
    }

    private List<CertificateItem> certificates(Sent sent, String ownerKey, String ownerId) {
        List<CertificateItem> certificates = new ArrayList<>();
        List<JsonNode> nodes = list(sent);
        for (int i = 0; i < nodes.size(); i++) {
            String path = sent.path() + "[" + i + "]";
            Map<String, Sent> f = fields(nodes.get(i), path, CERTIFICATE);
            // A certificate list of one resource pasted under another would register it on the wrong identity.
            for (String owner : List.of("registryId", "deviceId", "brokerId")) {
                if (f.containsKey(owner) && (!owner.equals(ownerKey) || !Objects.equals(text(f.get(owner)), ownerId))) {
                    throw new InvalidArgument(f.get(owner).path() + ": names another resource than the one it is listed under");
                }
            }
            certificates.add(new CertificateItem(path, text(f.get("fingerprint")), text(f.get("certificateData"))));
        }
        return certificates;
    }

    private LogOptions logOptions(Sent sent) {
        if (sent == null || sent.value().isNull()) {
            return null;
        }
        Map<String, Sent> f = fields(sent.value(), sent.path(), LOG_OPTIONS);
        return new LogOptions(bool(f.get("disabled")), text(f.get("minLevel")));
    }

    /** The fields of an object by their camelCase name; a snake_case key marks the request as snake_case. */
    private Map<String, Sent> fields(JsonNode node, String path, Set<String> allowed) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (!node.isObject()) {
            throw new InvalidArgument((path.isEmpty() ? "request body" : path) + ": must be an object");
        }
        Map<String, Sent> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String camel = FieldSpelling.camelCase(key);
            if (!allowed.contains(camel)) {
                throw new InvalidArgument(prefix + key + ": unknown field");
            }
            if (!camel.equals(key)) {
                snakeCase = true;
            }
            if (fields.put(camel, new Sent(prefix + key, field.getValue())) != null) {
                throw new InvalidArgument(prefix + key + ": given twice, in snake_case and camelCase");
            }
        });
        return fields;
    }

    private static void mustName(Sent sent, String expected) {
        if (sent != null && !Objects.equals(text(sent), expected)) {
            throw new InvalidArgument(sent.path() + ": names another registry than the one the device is listed under");
        }
    }


    private static String text(Sent sent) {
        if (sent == null || sent.value().isNull()) {
            return null;
        }
        if (!sent.value().isTextual()) {
            throw new InvalidArgument(sent.path() + ": must be a string");
        }
        return sent.value().textValue();
    }

    private static boolean bool(Sent sent) {
        if (sent == null || sent.value().isNull()) {
            return false;
        }
        if (!sent.value().isBoolean()) {
            throw new InvalidArgument(sent.path() + ": must be true or false");
        }
        return sent.value().booleanValue();
    }

    private static List<JsonNode> list(Sent sent) {
        if (sent == null || sent.value().isNull()) {
            return List.of();
        }
        if (!sent.value().isArray()) {
            throw new InvalidArgument(sent.path() + ": must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        sent.value().forEach(items::add);
        return items;
    }

    private static Map<String, String> stringMap(Sent sent) {
        if (sent == null || sent.value().isNull()) {
            return null;
        }
        if (!sent.value().isObject()) {
            throw new InvalidArgument(sent.path() + ": must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        sent.value().fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new InvalidArgument(sent.path() + "[" + entry.getKey() + "]: must be a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }
}
