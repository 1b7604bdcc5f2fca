package io.iotgate.control;

import io.iotgate.control.ImportGroup.Entry;
import io.iotgate.control.ImportResult.Item;
import io.iotgate.control.ImportResult.Status;
import io.iotgate.identity.ParsedCertificate;
import io.iotgate.model.Broker;
import io.iotgate.model.Device;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.CertificateRepository;
import io.iotgate.store.ClientDirectory;
import io.iotgate.store.ClientDirectory.ClientRecord;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.RegistryRepository;
import io.iotgate.tenancy.registry.TopicAliasRules;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for each entry of a group, what an import does with it: create it, leave it (it exists as
 * exported), or refuse it with the reason (its ID, name or a certificate is another resource's). Reads only;
 * run once before passwords are hashed and again inside the transaction that writes.
 */
@ApplicationScoped
class ImportPlanner {

    private final ClientDirectory directory;
    private final RegistryRepository registries;
    private final DeviceRepository devices;
    private final BrokerRepository brokers;
    private final CertificateRepository certificates;

    ImportPlanner(ClientDirectory directory, RegistryRepository registries, DeviceRepository devices,
                  BrokerRepository brokers, CertificateRepository certificates) {
        this.directory = directory;
        this.registries = registries;
        this.devices = devices;
        this.brokers = brokers;
        this.certificates = certificates;
    }

    /** One item per entry, in order: WOULD_CREATE, UNCHANGED, CONFLICT or INVALID. */
    Uni<List<Item>> plan(SqlClient db, ImportGroup group) {
        Uni<Map<String, Map<String, String>>> existingAliases = group.head().ref().kind() == ResourceKind.REGISTRY
                ? devices.withAliases(db, group.head().ref().id()).map(ImportPlanner::aliasesById)
                : Uni.createFrom().item(Map.of());
        return existingAliases.flatMap(existing -> Multi.createFrom().iterable(group.entries())
                .onItem().transformToUniAndConcatenate(entry -> plan(db, group, entry, existing))
                .collect().asList());
    }

    private Uni<Item> plan(SqlClient db, ImportGroup group, Entry entry, Map<String, Map<String, String>> existingAliases) {
        if (entry.invalid() != null) {
            return Uni.createFrom().item(entry.item(Status.INVALID, entry.invalid()));
        }
        return directory.find(db, entry.ref().id()).flatMap(found -> {
            Status fine = found.isEmpty() ? Status.WOULD_CREATE : Status.UNCHANGED;
            Uni<Optional<String>> problem = found.isEmpty() ? planNew(db, group, entry, existingAliases)
                    : planExisting(db, group, entry, found.get());
            return problem.map(reason -> reason.map(r -> entry.item(Status.CONFLICT, r))
                    .orElseGet(() -> entry.item(fine, null)));
        });
    }

    private Uni<Optional<String>> planNew(SqlClient db, ImportGroup group, Entry entry,
                                          Map<String, Map<String, String>> existingAliases) {
        return nameTaken(db, group.folderId(), entry)
                .flatMap(problem -> problem.isPresent() ? Uni.createFrom().item(problem) : certificatesTaken(db, entry))
                .map(problem -> problem.or(() -> aliasClash(group, entry, existingAliases)));
    }

    private Uni<Optional<String>> nameTaken(SqlClient db, String folderId, Entry entry) {
        String name = entry.name();
        return switch (entry.ref().kind()) {
            case REGISTRY -> registries.findByName(db, folderId, name).map(found -> found.map(other ->
                    "name " + name + " is taken in this folder by registry " + other.id()));
            case BROKER -> brokers.findByName(db, folderId, name).map(found -> found.map(other ->
                    "name " + name + " is taken in this folder by broker " + other.id()));
            case DEVICE -> devices.findByName(db, entry.registryId(), name).map(found -> found.map(other ->
                    "name " + name + " is taken in registry " + entry.registryId() + " by device " + other.id()));
        };
    }

    private Uni<Optional<String>> certificatesTaken(SqlClient db, Entry entry) {
        return Multi.createFrom().iterable(entry.certificates())
                .onItem().transformToUniAndConcatenate(certificate -> certificates.findByFingerprint(db,
                        certificate.fingerprint()).map(found -> found.map(stored -> "certificate "
                        + certificate.fingerprint() + " is registered on another registry, device or broker")))
                .collect().asList()
                .map(problems -> problems.stream().flatMap(Optional::stream).findFirst());
    }

    /** Aliases to create are held to every other alias of the registry: existing devices' and imported ones'. */
    private static Optional<String> aliasClash(ImportGroup group, Entry entry,
                                               Map<String, Map<String, String>> existingAliases) {
        if (entry.topicAliases().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> others = new LinkedHashMap<>();
        existingAliases.forEach((id, aliases) -> {
            if (!id.equals(entry.ref().id())) {
                others.putAll(aliases);
            }
        });
        group.entries().stream().filter(other -> other != entry).forEach(other -> others.putAll(other.topicAliases()));
        return TopicAliasRules.problemWith(entry.topicAliases(), entry.ref().id(), others)
                .map(problem -> ImportChecks.named(group.style(), entry.path(), problem));
    }

    private Uni<Optional<String>> planExisting(SqlClient db, ImportGroup group, Entry entry, ClientRecord existing) {
        ResourceKind kind = entry.ref().kind();
        if (existing.kind() != kind) {
            return problem("ID " + entry.ref().id() + " belongs to a " + noun(existing.kind()));
        }
        if (!existing.folderId().equals(group.folderId())) {
            return problem(noun(kind) + " " + entry.ref().id() + " exists in another folder");
        }
        if (kind == ResourceKind.DEVICE && !existing.registryId().equals(entry.registryId())) {
            return problem("device " + entry.ref().id() + " exists in another registry, " + existing.registryId());
        }
        return differences(db, entry).flatMap(differences -> differences.isEmpty()
                ? certificatesMissing(db, entry)
                : problem(noun(kind) + " " + entry.ref().id() + " exists with a different " + String.join(", ", differences)));
    }

    private Uni<List<String>> differences(SqlClient db, Entry entry) {
        String id = entry.ref().id();
        return switch (entry.ref().kind()) {
            case REGISTRY -> registries.find(db, id).map(found -> differences((Registry) entry.resource(), found.orElseThrow()));
            case DEVICE -> devices.find(db, id).map(found -> differences((Device) entry.resource(), found.orElseThrow()));
            case BROKER -> brokers.find(db, id).map(found -> differences((Broker) entry.resource(), found.orElseThrow()));
        };
    }

    private static List<String> differences(Registry imported, Registry existing) {
        List<String> fields = common(imported.name(), existing.name(), imported.description(), existing.description(),
                imported.labels(), existing.labels());
        differs(fields, "status", imported.status(), existing.status());
        differs(fields, "logOptions", imported.logOptions(), existing.logOptions());
        return fields;
    }

    private static List<String> differences(Device imported, Device existing) {
        List<String> fields = common(imported.name(), existing.name(), imported.description(), existing.description(),
                imported.labels(), existing.labels());
        differs(fields, "topicAliases", imported.topicAliases(), existing.topicAliases());
        return fields;
    }

    private static List<String> differences(Broker imported, Broker existing) {
        List<String> fields = common(imported.name(), existing.name(), imported.description(), existing.description(),
                imported.labels(), existing.labels());
        differs(fields, "logOptions", imported.logOptions(), existing.logOptions());
        return fields;
    }

    private static List<String> common(String name, String existingName, String description, String existingDescription,
                                       Map<String, String> labels, Map<String, String> existingLabels) {
        List<String> fields = new ArrayList<>();
        differs(fields, "name", name, existingName);
        differs(fields, "description", description, existingDescription);
        differs(fields, "labels", labels, existingLabels);
        return fields;
    }

    private static void differs(List<String> fields, String field, Object imported, Object existing) {
        if (!Objects.equals(imported, existing)) {
            fields.add(field);
        }
    }

    /** An existing resource is unchanged only when it holds every exported certificate; more are fine. */
    private Uni<Optional<String>> certificatesMissing(SqlClient db, Entry entry) {
        return Multi.createFrom().iterable(entry.certificates())
                .onItem().transformToUniAndConcatenate(certificate -> certificates.findByFingerprint(db,
                        certificate.fingerprint()).map(found -> problemOf(entry, certificate, found)))
                .collect().asList()
                .map(problems -> problems.stream().flatMap(Optional::stream).findFirst());
    }

    private static Optional<String> problemOf(Entry entry, ParsedCertificate certificate,
                                              Optional<CertificateRepository.StoredCertificate> found) {
        if (found.isEmpty()) {
            return Optional.of(noun(entry.ref().kind()) + " " + entry.ref().id() + " exists without certificate "
                    + certificate.fingerprint());
        }
        var owner = found.get().owner();
        if (owner.kind() != entry.ref().kind() || !owner.id().equals(entry.ref().id())) {
            return Optional.of("certificate " + certificate.fingerprint()
                    + " is registered on another registry, device or broker");
        }
        return Optional.empty();
    }

    private static Map<String, Map<String, String>> aliasesById(List<Device> withAliases) {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        withAliases.forEach(device -> byId.put(device.id(), device.topicAliases()));
        return byId;
    }

    private static Uni<Optional<String>> problem(String reason) {
        return Uni.createFrom().item(Optional.of(reason));
    }

    static String noun(ResourceKind kind) {
        return kind.name().toLowerCase();
    }
}
