package io.iotgate.control;

import io.iotgate.model.Certificate;
import io.iotgate.model.Change;
import io.iotgate.model.Operation;
import io.iotgate.model.Password;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Adds, lists and deletes the certificates and passwords of a registry, device or broker. */
@ApplicationScoped
public class CredentialService {

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
        return credentials.parse("certificateData", certificateData).flatMap(parsed ->
                pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.insertCertificate(tx, owner, parsed)
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
        return pool.withConnection(db -> owners.require(db, caller, kind, ownerId, Permission.WRITE))
                .flatMap(checked -> credentials.hash("password", password))
                .flatMap(hash -> pool.withTransaction(tx -> owners.require(tx, caller, kind, ownerId, Permission.WRITE)
                        .flatMap(owner -> credentials.insertPassword(tx, owner, hash)
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
