package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ImportRequest.BrokerItem;
import io.iotgate.control.ImportRequest.CertificateItem;
import io.iotgate.control.ImportRequest.DeviceItem;
import io.iotgate.control.ImportRequest.FieldStyle;
import io.iotgate.control.ImportRequest.RegistryItem;
import io.iotgate.identity.PasswordPolicy;
import io.iotgate.model.ResourceStatus;
import io.iotgate.tenancy.registry.TopicAliasRules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks an import request as a whole before anything is stored, with the rules the create calls apply, and
 * returns it normalized (absent descriptions, labels and log options as the create calls default them).
 * A failure is a 400 naming the field by its path, e.g. {@code registries[0].devices[1].name}, so that a
 * broken export is refused entirely rather than imported in part.
 */
final class ImportChecks {

    /** IoT Core IDs: 20 lowercase letters and digits. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]{20}");

    private final FieldStyle style;
    private final Map<String, String> pathOfId = new HashMap<>();
    private final Map<String, String> pathOfRegistryName = new HashMap<>();
    private final Map<String, String> pathOfBrokerName = new HashMap<>();

    private ImportChecks(FieldStyle style) {
        this.style = style;
    }

    static ImportRequest normalized(ImportRequest request) {
        var checks = new ImportChecks(request.style());
        List<RegistryItem> registries = request.registries() == null ? List.of()
                : request.registries().stream().map(checks::registry).toList();
        List<BrokerItem> brokers = request.brokers() == null ? List.of()
                : request.brokers().stream().map(checks::broker).toList();
        return new ImportRequest(registries, brokers, request.mode(), request.style());
    }

    private RegistryItem registry(RegistryItem r) {
        String path = r.path();
        String id = id(path, r.id());
        String name = check(path, () -> ResourceFields.name(r.name()));
        unique(pathOfRegistryName, name, path, "name", "the same name as ");
        Map<String, String> pathOfDeviceName = new HashMap<>();
        List<DeviceItem> devices = r.devices() == null ? List.of() : r.devices().stream().map(d -> {
            DeviceItem device = device(d);
            unique(pathOfDeviceName, device.name(), device.path(), "name", "the same name as ");
            return device;
        }).toList();
        return new RegistryItem(path, id, name, check(path, () -> ResourceFields.description(r.description())),
                check(path, () -> ResourceFields.labels(r.labels())),
                check(path, () -> ResourceFields.logOptions(r.logOptions())),
                r.status() == null ? ResourceStatus.ACTIVE : r.status(), certificates(path, r.certificates()),
                password(path, r.password()), devices);
    }

    private DeviceItem device(DeviceItem d) {
        String path = d.path();
        String id = id(path, d.id());
        Map<String, String> aliases = d.topicAliases() == null ? Map.of() : d.topicAliases();
        // Alone first: prefix clashes with other devices are judged against the registry when importing.
        TopicAliasRules.problemWith(aliases, id, Map.of()).ifPresent(problem -> {
            throw new InvalidArgument(named(path, problem));
        });
        return new DeviceItem(path, id, check(path, () -> ResourceFields.name(d.name())),
                check(path, () -> ResourceFields.description(d.description())),
                check(path, () -> ResourceFields.labels(d.labels())), aliases, certificates(path, d.certificates()),
                password(path, d.password()));
    }

    private BrokerItem broker(BrokerItem b) {
        String path = b.path();
        String id = id(path, b.id());
        String name = check(path, () -> ResourceFields.name(b.name()));
        unique(pathOfBrokerName, name, path, "name", "the same name as ");
        return new BrokerItem(path, id, name, check(path, () -> ResourceFields.description(b.description())),
                check(path, () -> ResourceFields.labels(b.labels())),
                check(path, () -> ResourceFields.logOptions(b.logOptions())), certificates(path, b.certificates()),
                password(path, b.password()));
    }

    private String id(String path, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidArgument(path + ".id: required, the resource's IoT Core ID (20 lowercase letters and digits)");
        }
        unique(pathOfId, id, path, "id", "the same ID as ");
        return id;
    }

    private List<CertificateItem> certificates(String path, List<CertificateItem> certificates) {
        if (certificates == null) {
            return List.of();
        }
        certificates.forEach(c -> {
            if (c.certificateData() == null || c.certificateData().isBlank()) {
                throw new InvalidArgument(named(c.path(), "certificateData: required"));
            }
        });
        return certificates;
    }

    private String password(String path, String password) {
        if (password != null) {
            PasswordPolicy.problemWith(password).ifPresent(problem -> {
                throw new InvalidArgument(path + ".password: " + problem);
            });
        }
        return password;
    }

    private void unique(Map<String, String> seen, String value, String path, String field, String message) {
        String earlier = seen.putIfAbsent(value, path);
        if (earlier != null) {
            throw new InvalidArgument(path + "." + field + ": " + message + earlier);
        }
    }

    private <T> T check(String path, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidArgument e) {
            throw new InvalidArgument(named(path, e.getMessage()));
        }
    }

    /** {@code "labels: ..."} of a create-call rule becomes {@code "<path>.labels: ..."}, in the caller's spelling. */
    private String named(String path, String message) {
        return ImportChecks.named(style, path, message);
    }

    static String named(FieldStyle style, String path, String message) {
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return path + ": " + message;
        }
        return path + "." + style.path(message.substring(0, colon)) + message.substring(colon);
    }
}
