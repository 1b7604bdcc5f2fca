package io.iotgate.store;

import io.iotgate.model.Certificate;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.TopicPermissions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Certificates of registries, devices and brokers, keyed by their SHA-256 fingerprint across the service. */
@ApplicationScoped
public class CertificateRepository {

    /** A certificate with what only the service needs: its owner's folder, SHA-1 form and end of validity. */
    public record StoredCertificate(ResourceRef owner, Certificate certificate, String sha1Fingerprint,
                                    Instant notAfter) {}

    public Uni<Void> insert(SqlClient db, StoredCertificate c) {
        return db.preparedQuery("""
                INSERT INTO certificates (fingerprint, sha1_fingerprint, owner_kind, owner_id, folder_id,
                                          certificate_data, not_after, created_at, permissions)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(new Object[] {c.certificate().fingerprint(), c.sha1Fingerprint(),
                        c.owner().kind().name(), c.owner().id(), c.owner().folderId(),
                        c.certificate().certificateData(), Rows.timestamp(c.notAfter()),
                        Rows.timestamp(c.certificate().createdAt()), Rows.json(c.certificate().permissions())}))
                .onFailure().transform(DuplicateKeyException::translate)
                .replaceWithVoid();
    }

    public Uni<List<StoredCertificate>> listOf(SqlClient db, ResourceRef owner) {
        return db.preparedQuery("SELECT * FROM certificates WHERE owner_kind = $1 AND owner_id = $2 ORDER BY created_at, fingerprint")
                .execute(Tuple.of(owner.kind().name(), owner.id()))
                .map(rows -> Rows.all(rows, CertificateRepository::fromRow));
    }

    /** Finds by the SHA-256 fingerprint, or by the SHA-1 one that IoT Core exports carry. */
    public Uni<Optional<StoredCertificate>> findOfOwner(SqlClient db, ResourceRef owner, String fingerprint) {
        return db.preparedQuery("""
                SELECT * FROM certificates WHERE owner_kind = $1 AND owner_id = $2
                AND (fingerprint = $3 OR sha1_fingerprint = $3)""")
                .execute(Tuple.of(owner.kind().name(), owner.id(), fingerprint))
                .map(rows -> Rows.first(rows, CertificateRepository::fromRow));
    }

    public Uni<Optional<StoredCertificate>> findByFingerprint(SqlClient db, String fingerprint) {
        return db.preparedQuery("SELECT * FROM certificates WHERE fingerprint = $1").execute(Tuple.of(fingerprint))
                .map(rows -> Rows.first(rows, CertificateRepository::fromRow));
    }

    /** Replaces a certificate's topic permissions (by SHA-256 fingerprint); null lifts them (every topic). */
    public Uni<Void> updatePermissions(SqlClient db, String fingerprint, TopicPermissions permissions) {
        return db.preparedQuery("UPDATE certificates SET permissions = $2 WHERE fingerprint = $1")
                .execute(Tuple.of(fingerprint, Rows.json(permissions)))
                .replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient db, String fingerprint) {
        return db.preparedQuery("DELETE FROM certificates WHERE fingerprint = $1").execute(Tuple.of(fingerprint))
                .replaceWithVoid();
    }

    public Uni<Void> deleteAllOf(SqlClient db, ResourceKind kind, List<String> ownerIds) {
        return db.preparedQuery("DELETE FROM certificates WHERE owner_kind = $1 AND owner_id = ANY($2)")
                .execute(Tuple.of(kind.name(), ownerIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static StoredCertificate fromRow(Row row) {
        var owner = new ResourceRef(ResourceKind.valueOf(row.getString("owner_kind")), row.getString("owner_id"),
                row.getString("folder_id"));
        var certificate = Certificate.of(owner, row.getString("fingerprint"), row.getString("certificate_data"),
                Rows.instant(row, "created_at"), Rows.permissions(row));
        return new StoredCertificate(owner, certificate, row.getString("sha1_fingerprint"),
                Rows.instant(row, "not_after"));
    }
}
