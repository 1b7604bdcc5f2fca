package io.iotgate.control;

import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.control.ImportGroup.Entry;
import io.iotgate.control.ImportRequest.CertificateItem;
import io.iotgate.control.ImportRequest.ImportMode;
import io.iotgate.control.ImportResult.Item;
import io.iotgate.control.ImportResult.Status;
import io.iotgate.identity.PasswordPolicy;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.FolderRepository;
import io.iotgate.store.RegistryRepository;
import io.iotgate.model.ResourceKind;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports IoT Core's registries (with their devices) and brokers into a folder, keeping their IDs, names,
 * descriptions, labels, topic aliases and certificates. Each registry with its devices, and each broker,
 * comes over in one transaction or not at all; what exists already as exported is left alone, so running an
 * import again changes nothing. Passwords cannot be exported: the caller's are used, or one is generated
 * per created resource and returned this once.
 */
@ApplicationScoped
public class ImportService {

    private final Pool pool;
    private final FolderRepository folders;
    private final RegistryRepository registries;
    private final ImportCertificates certificates;
    private final ImportPlanner planner;
    private final ImportWriter writer;
    private final Credentials credentials;
    private final ChangeEvents changes;
    private final SecureRandom random = new SecureRandom();

    ImportService(Pool pool, FolderRepository folders, RegistryRepository registries, ImportCertificates certificates,
                  ImportPlanner planner, ImportWriter writer, Credentials credentials, ChangeEvents changes) {
        this.pool = pool;
        this.folders = folders;
        this.registries = registries;
        this.certificates = certificates;
        this.planner = planner;
        this.writer = writer;
        this.credentials = credentials;
        this.changes = changes;
    }

    public Uni<ImportResult> importInto(Caller caller, String folderId, ImportRequest request) {
        FolderAccess.requireInFolder(caller, folderId, Permission.WRITE);
        ImportRequest checked = ImportChecks.normalized(request);
        return pool.withConnection(db -> folders.find(db, folderId))
                .map(found -> found.orElseThrow(() -> new NotFound("Folder " + folderId + " not found")))
                .flatMap(folder -> certificates.parse(allCertificates(checked), checked.style()))
                .flatMap(parsed -> Multi.createFrom().iterable(groups(folderId, checked, parsed))
                        .onItem().transformToUniAndConcatenate(group -> importGroup(caller, group, checked.mode()))
                        .collect().asList())
                .map(results -> new ImportResult(folderId, checked.mode() == ImportMode.DRY_RUN,
                        results.stream().flatMap(List::stream).toList()));
    }

    private Uni<List<Item>> importGroup(Caller caller, ImportGroup group, ImportMode mode) {
        return pool.withConnection(db -> planner.plan(db, group)).flatMap(plan -> {
            if (mode == ImportMode.DRY_RUN || plan.stream().anyMatch(Item::failed)
                    || plan.stream().noneMatch(item -> item.status() == Status.WOULD_CREATE)) {
                return Uni.createFrom().item(settled(plan));
            }
            return secrets(group, plan).flatMap(secrets -> write(caller, group, plan, secrets));
        });
    }

    /** A new password per resource to create: the caller's, or a generated one, hashed before any transaction. */
    private record Secret(String generated, String hash) {}

    private Uni<Map<String, Secret>> secrets(ImportGroup group, List<Item> plan) {
        List<Entry> toCreate = entriesToCreate(group, plan);
        // One after another: the identity workers also check MQTT logins, which must not queue behind a whole import.
        return Multi.createFrom().iterable(toCreate)
                .onItem().transformToUniAndConcatenate(entry -> {
                    String generated = entry.password() == null ? PasswordPolicy.generate(random) : null;
                    String password = generated == null ? entry.password() : generated;
                    return credentials.hash(entry.path() + ".password", password)
                            .map(hash -> Map.entry(entry.ref().id(), new Secret(generated, hash)));
                })
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Plans again inside the transaction (the registry row locked, if it exists) and writes only if nothing
     * changed since the first plan; a concurrent change fails the group, never half of it.
     */
    private Uni<List<Item>> write(Caller caller, ImportGroup group, List<Item> plan, Map<String, Secret> secrets) {
        List<Entry> toCreate = entriesToCreate(group, plan);
        return pool.withTransaction(tx -> lockRegistry(tx, group)
                        .flatMap(v -> planner.plan(tx, group))
                        .flatMap(replanned -> {
                            if (!statuses(replanned).equals(statuses(plan))) {
                                throw new ChangedMeanwhile("changed while importing");
                            }
                            return Multi.createFrom().iterable(toCreate)
                                    .onItem().transformToUniAndConcatenate(entry -> writer.create(tx, caller, entry,
                                            secrets.get(entry.ref().id()).hash()))
                                    .collect().asList();
                        }))
                .invoke(written -> written.forEach(changes::fire)) // after the commit, as every create does
                .map(written -> plan.stream().map(item -> item.status() == Status.WOULD_CREATE
                        ? item.withStatus(Status.CREATED, null).withPassword(secrets.get(item.id()).generated())
                        : item).toList())
                .onFailure(ImportService::isConflict).recoverWithItem(failure -> settled(failedAtHead(plan,
                        failure.getMessage() + " (another request changed the folder meanwhile); run the import again")));
    }

    private Uni<Void> lockRegistry(io.vertx.mutiny.sqlclient.SqlClient tx, ImportGroup group) {
        return group.head().ref().kind() == ResourceKind.REGISTRY
                ? registries.findForUpdate(tx, group.head().ref().id()).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /** When an item failed, its group does not come over: what would have been created is skipped. */
    private static List<Item> settled(List<Item> plan) {
        return plan.stream().filter(Item::failed).findFirst().map(failed -> plan.stream()
                        .map(item -> item.status() == Status.WOULD_CREATE ? item.withStatus(Status.SKIPPED,
                                "not imported: a registry comes over whole or not at all, and "
                                        + ImportPlanner.noun(failed.kind()) + " " + failed.id() + " is refused ("
                                        + failed.status() + ")") : item)
                        .toList())
                .orElse(plan);
    }

    private static List<Item> failedAtHead(List<Item> plan, String reason) {
        List<Item> items = new ArrayList<>(plan);
        items.set(0, plan.get(0).withStatus(Status.CONFLICT, reason));
        return items;
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof ChangedMeanwhile || failure instanceof DuplicateKeyException
                || failure instanceof ControlFailure.AlreadyExists;
    }

    private static List<Status> statuses(List<Item> items) {
        return items.stream().map(Item::status).toList();
    }

    private static List<Entry> entriesToCreate(ImportGroup group, List<Item> plan) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).status() == Status.WOULD_CREATE) {
                entries.add(group.entries().get(i));
            }
        }
        return entries;
    }

    private static List<CertificateItem> allCertificates(ImportRequest request) {
        return Stream.concat(
                request.registries().stream().flatMap(r -> Stream.concat(r.certificates().stream(),
                        r.devices().stream().flatMap(d -> d.certificates().stream()))),
                request.brokers().stream().flatMap(b -> b.certificates().stream())).toList();
    }

    private static List<ImportGroup> groups(String folderId, ImportRequest request, ImportCertificates.Parsed parsed) {
        List<ImportGroup> groups = new ArrayList<>();
        request.registries().forEach(r -> groups.add(ImportGroup.of(folderId, request.style(), r, parsed)));
        request.brokers().forEach(b -> groups.add(ImportGroup.of(folderId, request.style(), b, parsed)));
        return groups;
    }

    /** The folder moved under the import between its plan and its transaction. */
    private static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile(String message) {
            super(message, null, false, false);
        }
    }
}
