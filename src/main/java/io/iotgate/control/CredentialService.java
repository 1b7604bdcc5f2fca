package io.iotgate.control;

import io.iotgate.model.Certificate;
import io.iotgate.model.Change;
import io.iotgate.model.Operation;
import io.iotgate.model.Password;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.TopicPermissions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** Adds, lists and deletes the certificates and passwords of a registry, device or broker. */
@ApplicationScoped
public class CredentialService {

    private static final Set<String> PERMISSIONS_MASK = Set.of("permissions");

    private final Pool pool;
    private final Owners owners;
    private final Credentials credentials;
    private final Operations operations;
    private final ChangeEvents changes;

    CredentialService(Pool pool, Owners owners, Credentials credentials, Operations operations, ChangeEvents changes) {
        this.pool = pool;
        this.owners = owners;
        this.credentials = credentials;
        this.operations = operations;
        this.changes = changes;
    }

    public Uni<Operation> addCertificate(Caller caller, ResourceKind kind, String ownerId, String certificateData) {
        return addCertificate(caller, kind, ownerId, certificateData, null);
    }

    /** @param permissions the broker topics the certificate is limited to; null: every topic */
    public Uni<Operation> addCertificate(Caller caller, ResourceKind kind, String ownerId, String certificateData,
                                         RequestedPermissions permissions) {
        TopicPermissions checked = RequestedPermissions.checked(kind, permissions);
        return credentials.parse("certificateData", certificateData).flatMap(parsed ->
                pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.insertCertificate(tx, owner, parsed, checked)
                                .flatMap(certificate -> operations.record(tx, caller, new Operations.Done(
                                        owner.folderId(), owner.id(), "Add " + noun(kind) + " certificate",
                                        Credentials.metadata(owner, "fingerprint", certificate.fingerprint()),
                                        certificate))))));
    }

    public Uni<List<Certificate>> listCertificates(Caller caller, ResourceKind kind, String ownerId) {
        return pool.withConnection(db -> owners.require(db, caller, kind, ownerId, Permission.READ)
                .flatMap(owner -> credentials.certificatesOf(db, owner)));
    }

    public Uni<Operation> deleteCertificate(Caller caller, ResourceKind kind, String ownerId, String fingerprint) {
        return changing(caller, kind, ownerId, "Delete " + noun(kind) + " certificate",
                (tx, owner) -> credentials.deleteCertificate(tx, owner, fingerprint),
                (owner, change) -> Credentials.metadata(owner, "fingerprint",
                        ((Change.CertificateDeleted) change).fingerprint()));
    }

    public Uni<Operation> addPassword(Caller caller, ResourceKind kind, String ownerId, String password) {
        return addPassword(caller, kind, ownerId, password, null);
    }

    /** @param permissions the broker topics the password is limited to; null: every topic */
    public Uni<Operation> addPassword(Caller caller, ResourceKind kind, String ownerId, String password,
                                      RequestedPermissions permissions) {
        TopicPermissions limited = RequestedPermissions.checked(kind, permissions);
        return pool.withConnection(db -> owners.require(db, caller, kind, ownerId, Permission.WRITE))
                .flatMap(checked -> credentials.hash("password", password))
                .flatMap(hash -> pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.insertPassword(tx, owner, hash, limited)
                                .flatMap(created -> operations.record(tx, caller, new Operations.Done(
                                        owner.folderId(), owner.id(), "Add " + noun(kind) + " password",
                                        Credentials.metadata(owner, "passwordId", created.id()), created))))));
    }

    public Uni<List<Password>> listPasswords(Caller caller, ResourceKind kind, String ownerId) {
        return pool.withConnection(db -> owners.require(db, caller, kind, ownerId, Permission.READ)
                .flatMap(owner -> credentials.passwordsOf(db, owner)));
    }

    public Uni<Operation> deletePassword(Caller caller, ResourceKind kind, String ownerId, String passwordId) {
        return changing(caller, kind, ownerId, "Delete " + noun(kind) + " password",
                (tx, owner) -> credentials.deletePassword(tx, owner, passwordId),
                (owner, change) -> Credentials.metadata(owner, "passwordId", passwordId));
    }

    /**
     * Replaces the topic permissions of a broker password ({@code updateMask} must name {@code permissions};
     * absent permissions lift the limit). Sessions that logged in with the password end, so the new
     * permissions hold from the client's next CONNECT.
     */
    public Uni<Operation> updatePasswordPermissions(Caller caller, ResourceKind kind, String ownerId, String passwordId,
                                                    String updateMask, RequestedPermissions permissions) {
        ResourceFields.updateMask(updateMask, PERMISSIONS_MASK);
        TopicPermissions checked = RequestedPermissions.checked(kind, permissions);
        return pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.changePasswordPermissions(tx, owner, passwordId, checked)
                                .flatMap(updated -> operations.record(tx, caller, new Operations.Done(owner.folderId(),
                                        owner.id(), "Update " + noun(kind) + " password permissions",
                                        Credentials.metadata(owner, "passwordId", passwordId), updated)))
                                .map(op -> Committed.of(op, new Change.PasswordPermissionsChanged(owner, passwordId)))))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    /** As {@link #updatePasswordPermissions}, for a certificate named by its fingerprint. */
    public Uni<Operation> updateCertificatePermissions(Caller caller, ResourceKind kind, String ownerId,
                                                       String fingerprint, String updateMask,
                                                       RequestedPermissions permissions) {
        ResourceFields.updateMask(updateMask, PERMISSIONS_MASK);
        TopicPermissions checked = RequestedPermissions.checked(kind, permissions);
        return pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.changeCertificatePermissions(tx, owner, fingerprint, checked)
                                .flatMap(updated -> operations.record(tx, caller, new Operations.Done(owner.folderId(),
                                                owner.id(), "Update " + noun(kind) + " certificate permissions",
                                                Credentials.metadata(owner, "fingerprint", updated.fingerprint()), updated))
                                        .map(op -> Committed.of(op, new Change.CertificatePermissionsChanged(owner,
                                                updated.fingerprint()))))))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    private interface Deletion {
        Uni<Change> apply(io.vertx.mutiny.sqlclient.SqlClient tx, ResourceRef owner);
    }

    private interface Describe {
        java.util.Map<String, Object> metadata(ResourceRef owner, Change change);
    }

    /** Runs a deletion, records its operation in the same transaction, then tells the data plane. */
    private Uni<Operation> changing(Caller caller, ResourceKind kind, String ownerId, String description,
                                    Deletion deletion, Describe describe) {
        return pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> deletion.apply(tx, owner).flatMap(change -> operations.record(tx, caller,
                                        new Operations.Done(owner.folderId(), owner.id(), description,
                                                describe.metadata(owner, change), null))
                                .map(op -> Committed.of(op, change)))))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    static String noun(ResourceKind kind) {
        return kind.name().toLowerCase();
    }
}
