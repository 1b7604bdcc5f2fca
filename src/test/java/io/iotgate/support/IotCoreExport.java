package io.iotgate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotgate.model.FieldSpelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IoT Core export as its users hold it: what {@code yc iot registry list}, {@code yc iot device list},
 * {@code yc iot broker list} and the {@code certificate list} commands print with {@code --format json}
 * (snake_case, IDs of 20 characters, SHA-1 fingerprints, RFC 3339 times), with certificates and keys from
 * {@link TestCertificates} so that the devices can connect afterwards.
 */
public final class IotCoreExport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The folder the resources lived in at Yandex Cloud: exported, and ignored by the import. */
    private final String cloudFolderId = id("b1g");
    private final List<Registry> registries = new ArrayList<>();
    private final List<Broker> brokers = new ArrayList<>();

    /** A certificate with its key, as exported: {@code fingerprint} is IoT Core's SHA-1 form. */
    public record Certificate(TestCertificates.Issued issued, String fingerprint) {

        static Certificate fresh(String commonName) {
            TestCertificates.Issued issued = TestCertificates.selfSigned(commonName);
            return new Certificate(issued, sha1(issued));
        }
    }

    public final class Registry {
        public final String id = id("are");
        public final String name;
        public final List<Certificate> certificates = new ArrayList<>();
        public final List<Device> devices = new ArrayList<>();
        public Map<String, String> labels = Map.of("site", "plant-a");
        public String description = "Registry " + id + " from IoT Core";
        public String status = "ACTIVE";

        private Registry(String name) {
            this.name = name;
        }

        /** A device with one certificate and a topic alias, as IoT Core devices usually have. */
        public Device device(String deviceName) {
            var device = new Device(this, deviceName);
            device.certificates.add(Certificate.fresh(deviceName));
            devices.add(device);
            return device;
        }

        public Registry withCertificate() {
            certificates.add(Certificate.fresh(name));
            return this;
        }
    }

    public final class Device {
        public final Registry registry;
        public final String id = id("are"); // IoT Core's device IDs share the registries' prefix
        public final String name;
        public final List<Certificate> certificates = new ArrayList<>();
        public Map<String, String> topicAliases;
        public String description = "";

        private Device(Registry registry, String name) {
            this.registry = registry;
            this.name = name;
            this.topicAliases = Map.of(name + "/events", "$devices/" + id + "/events");
        }

        public Certificate certificate() {
            return certificates.get(0);
        }
    }

    public final class Broker {
        public final String id = id("are");
        public final String name;
        public final List<Certificate> certificates = new ArrayList<>();

        private Broker(String name) {
            this.name = name;
            certificates.add(Certificate.fresh(name));
        }

        public Certificate certificate() {
            return certificates.get(0);
        }
    }

    public Registry registry(String name) {
        var registry = new Registry(name);
        registries.add(registry);
        return registry;
    }

    public Broker broker(String name) {
        var broker = new Broker(name);
        brokers.add(broker);
        return broker;
    }

    // ------------------------------------------------------------------ as yc prints them

    public List<Map<String, Object>> registryList() {
        return registries.stream().map(r -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", r.id);
            json.put("folder_id", cloudFolderId);
            json.put("created_at", "2024-03-01T10:15:30.123Z");
            json.put("name", r.name);
            json.put("description", r.description);
            json.put("labels", r.labels);
            json.put("status", r.status);
            json.put("log_options", Map.of("folder_id", cloudFolderId, "min_level", "ERROR"));
            return json;
        }).toList();
    }

    public List<Map<String, Object>> deviceList(Registry registry) {
        return registry.devices.stream().map(d -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", d.id);
            json.put("registry_id", registry.id);
            json.put("created_at", "2024-03-02T08:00:00Z");
            json.put("name", d.name);
            json.put("description", d.description);
            json.put("topic_aliases", d.topicAliases);
            json.put("status", "ACTIVE");
            return json;
        }).toList();
    }

    public List<Map<String, Object>> brokerList() {
        return brokers.stream().map(b -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", b.id);
            json.put("folder_id", cloudFolderId);
            json.put("created_at", "2024-04-01T12:00:00Z");
            json.put("name", b.name);
            json.put("status", "ACTIVE");
            return json;
        }).toList();
    }

    /** {@code yc iot <kind> certificate list --<kind>-id <id> --format json}; ownerKey e.g. {@code device_id}. */
    public static List<Map<String, Object>> certificateList(String ownerKey, String ownerId, List<Certificate> certificates) {
        return certificates.stream().map(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put(ownerKey, ownerId);
            json.put("fingerprint", c.fingerprint());
            json.put("certificate_data", c.issued().pem());
            json.put("created_at", "2024-03-02T08:01:00Z");
            return json;
        }).toList();
    }

    /** Writes one file per {@code yc} command into {@code dir}, named as a user would name them. */
    public void writeTo(Path dir) {
        write(dir.resolve("registries.json"), registryList());
        write(dir.resolve("brokers.json"), brokerList());
        for (Registry r : registries) {
            write(dir.resolve("devices-" + r.id + ".json"), deviceList(r));
            write(dir.resolve("registry-certificates-" + r.id + ".json"), certificateList("registry_id", r.id, r.certificates));
            for (Device d : r.devices) {
                write(dir.resolve("device-certificates-" + d.id + ".json"), certificateList("device_id", d.id, d.certificates));
            }
        }
        for (Broker b : brokers) {
            write(dir.resolve("broker-certificates-" + b.id + ".json"), certificateList("broker_id", b.id, b.certificates));
        }
    }

    // ------------------------------------------------------------------ as the import endpoint takes them

    /** The body of {@code :import}: the yc lists nested (devices and certificates under their owner), snake_case. */
    public Map<String, Object> importBody() {
        List<Map<String, Object>> registryItems = new ArrayList<>();
        List<Map<String, Object>> listed = registryList();
        for (int i = 0; i < registries.size(); i++) {
            Registry r = registries.get(i);
            Map<String, Object> item = new LinkedHashMap<>(listed.get(i));
            item.put("certificates", certificateList("registry_id", r.id, r.certificates));
            List<Map<String, Object>> devices = new ArrayList<>();
            List<Map<String, Object>> deviceJson = deviceList(r);
            for (int j = 0; j < r.devices.size(); j++) {
                Map<String, Object> device = new LinkedHashMap<>(deviceJson.get(j));
                device.put("certificates", certificateList("device_id", r.devices.get(j).id, r.devices.get(j).certificates));
                devices.add(device);
            }
            item.put("devices", devices);
            registryItems.add(item);
        }
        List<Map<String, Object>> brokerItems = new ArrayList<>();
        List<Map<String, Object>> brokerJson = brokerList();
        for (int i = 0; i < brokers.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>(brokerJson.get(i));
            item.put("certificates", certificateList("broker_id", brokers.get(i).id, brokers.get(i).certificates));
            brokerItems.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registries", registryItems);
        body.put("brokers", brokerItems);
        return body;
    }

    /** The same body with every field name in camelCase, as IoT Core's REST API spells them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> camelCase(Map<String, Object> body) {
        Map<String, Object> camel = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            boolean data = key.equals("labels") || key.equals("topic_aliases");
            Object converted = data ? value
                    : value instanceof Map<?, ?> map ? camelCase((Map<String, Object>) map)
                    : value instanceof List<?> list ? list.stream().map(v -> v instanceof Map<?, ?> m
                            ? (Object) camelCase((Map<String, Object>) m) : v).toList()
                    : value;
            camel.put(FieldSpelling.camelCase(key), converted);
        });
        return camel;
    }


    private static void write(Path file, Object json) {
        try {
            Files.writeString(file, JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < 20) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String sha1(TestCertificates.Issued issued) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(issued.certificate().getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
