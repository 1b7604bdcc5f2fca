package io.iotgate.control;

import io.iotgate.control.ControlFailure.AlreadyExists;
import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.identity.CertificateParsing;
import io.iotgate.identity.InvalidCertificateException;
import io.iotgate.identity.ParsedCertificate;
import io.iotgate.identity.PasswordHashing;
import io.iotgate.identity.PasswordPolicy;
import io.iotgate.model.Certificate;
import io.iotgate.model.Change;
import io.iotgate.model.Password;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.TopicPermissions;
import io.iotgate.store.CertificateRepository;
import io.iotgate.store.CertificateRepository.StoredCertificate;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.PasswordRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Certificates and passwords of registries, devices and brokers: one implementation for the three kinds,
 * since IoT Core treats them alike. Parsing and hashing run on the identity workers before a transaction
 * opens, so no connection is held while the CPU works.
 */
@ApplicationScoped
class Credentials {

    private final CertificateRepository certificates;
    private final PasswordRepository passwords;
    private final CertificateParsing parsing;
    private final PasswordHashing hashing;

    Credentials(CertificateRepository certificates, PasswordRepository passwords, CertificateParsing parsing,
                PasswordHashing hashing) {
        this.certificates = certificates;
        this.passwords = passwords;
        this.parsing = parsing;
        this.hashing = hashing;
    }

    /** Parses and checks a PEM certificate; failures name {@code field}. */
    Uni<ParsedCertificate> parse(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            return Uni.createFrom().failure(new InvalidArgument(field + ": required"));
        }
        return parsing.parse(pem).onFailure(InvalidCertificateException.class)
                .transform(e -> new InvalidArgument(field + ": " + e.getMessage()));
    }

    /** Checks a password against the policy and hashes it; failures name {@code field}. */
    Uni<String> hash(String field, String password) {
        var problem = PasswordPolicy.problemWith(password);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new InvalidArgument(field + ": " + problem.get()));
        }
        return hashing.hash(password);
    }

    /** Certificates and a password sent with a create request, checked and hashed before the transaction. */
    record Initial(List<ParsedCertificate> certificates, String passwordHash) {}

    Uni<Initial> prepare(List<String> certificatePems, String password) {
        List<String> pems = certificatePems == null ? List.of() : certificatePems;
        List<Uni<ParsedCertificate>> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            parsed.add(parse("certificates[" + i + "].certificateData", pems.get(i)));
        }
        Uni<List<ParsedCertificate>> all = parsed.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(parsed).andFailFast();
        Uni<String> hash = password == null ? Uni.createFrom().nullItem() : hash("password", password);
        return all.flatMap(certificates -> hash.map(h -> new Initial(certificates, h)));
    }

    /** Stores what {@link #prepare} checked, inside the transaction that creates the owner. */
    Uni<Void> attach(SqlClient tx, ResourceRef owner, Initial initial) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ParsedCertificate certificate : initial.certificates()) {
            chain = chain.flatMap(v -> insertCertificate(tx, owner, certificate).replaceWithVoid());
        }
        if (initial.passwordHash() != null) {
            chain = chain.flatMap(v -> insertPassword(tx, owner, initial.passwordHash()).replaceWithVoid());
        }
        return chain;
    }

    Uni<Void> deleteAllOf(SqlClient tx, io.iotgate.model.ResourceKind kind, List<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return certificates.deleteAllOf(tx, kind, ownerIds).flatMap(v -> passwords.deleteAllOf(tx, kind, ownerIds));
    }

    Uni<Certificate> insertCertificate(SqlClient tx, ResourceRef owner, ParsedCertificate parsed) {
        return insertCertificate(tx, owner, parsed, null);
    }

    /** @param permissions the broker topics the certificate is limited to; null: every topic */
    Uni<Certificate> insertCertificate(SqlClient tx, ResourceRef owner, ParsedCertificate parsed,
                                       TopicPermissions permissions) {
        var certificate = Certificate.of(owner, parsed.fingerprint(), parsed.pem(), now(), permissions);
        return certificates.insert(tx, new StoredCertificate(owner, certificate, parsed.sha1Fingerprint(), parsed.notAfter()))
                .onFailure(DuplicateKeyException.class).transform(e -> new AlreadyExists(
                        "Certificate " + parsed.fingerprint() + " is already registered"))
                .replaceWith(certificate);
    }

    Uni<Password> insertPassword(SqlClient tx, ResourceRef owner, String hash) {
        return insertPassword(tx, owner, hash, null);
    }

    /** @param permissions the broker topics the password is limited to; null: every topic */
    Uni<Password> insertPassword(SqlClient tx, ResourceRef owner, String hash, TopicPermissions permissions) {
        var password = Password.of(owner, IdGenerator.next(IdGenerator.PASSWORD), now(), permissions);
        return passwords.insert(tx, owner, password, hash).replaceWith(password);
    }

    /** Replaces a password's permissions (null: every topic); returns the password as it now is. */
    Uni<Password> changePasswordPermissions(SqlClient tx, ResourceRef owner, String passwordId,
                                            TopicPermissions permissions) {
        return passwords.findOfOwner(tx, owner, passwordId).flatMap(found -> {
            Password current = found.orElseThrow(() -> new NotFound("Password " + passwordId + " not found"));
            return passwords.updatePermissions(tx, passwordId, permissions)
                    .replaceWith(Password.of(owner, current.id(), current.createdAt(), permissions));
        });
    }

    /** Replaces a certificate's permissions (null: every topic); returns the certificate as it now is. */
    Uni<Certificate> changeCertificatePermissions(SqlClient tx, ResourceRef owner, String fingerprint,
                                                  TopicPermissions permissions) {
        return certificates.findOfOwner(tx, owner, normalized(fingerprint)).flatMap(found -> {
            Certificate current = found.orElseThrow(() -> new NotFound("Certificate " + fingerprint + " not found"))
                    .certificate();
            return certificates.updatePermissions(tx, current.fingerprint(), permissions)
                    .replaceWith(Certificate.of(owner, current.fingerprint(), current.certificateData(),
                            current.createdAt(), permissions));
        });
    }

    private static String normalized(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.toLowerCase().replace(":", "");
    }

    Uni<List<Certificate>> certificatesOf(SqlClient db, ResourceRef owner) {
        return certificates.listOf(db, owner).map(list -> list.stream().map(StoredCertificate::certificate).toList());
    }

    Uni<List<Password>> passwordsOf(SqlClient db, ResourceRef owner) {
        return passwords.listOf(db, owner);
    }

    /** Deletes by SHA-256 fingerprint or by the SHA-1 form of IoT Core exports; returns what to tell the data plane. */
    Uni<Change> deleteCertificate(SqlClient tx, ResourceRef owner, String fingerprint) {
        return certificates.findOfOwner(tx, owner, normalized(fingerprint)).flatMap(found -> {
            var stored = found.orElseThrow(() -> new NotFound("Certificate " + fingerprint + " not found"));
            String sha256 = stored.certificate().fingerprint();
            return certificates.delete(tx, sha256).replaceWith(new Change.CertificateDeleted(owner, sha256));
        });
    }

    Uni<Change> deletePassword(SqlClient tx, ResourceRef owner, String passwordId) {
        return passwords.findOfOwner(tx, owner, passwordId).flatMap(found -> {
            found.orElseThrow(() -> new NotFound("Password " + passwordId + " not found"));
            return passwords.delete(tx, passwordId).replaceWith(new Change.PasswordDeleted(owner, passwordId));
        });
    }

    /** Metadata of a credential operation: IoT Core names the owner by its kind, e.g. {@code {deviceId, fingerprint}}. */
    static Map<String, Object> metadata(ResourceRef owner, String credentialKey, String credentialId) {
        return Map.of(ownerKey(owner), owner.id(), credentialKey, credentialId);
    }

    static String ownerKey(ResourceRef owner) {
        return switch (owner.kind()) {
            case REGISTRY -> "registryId";
            case DEVICE -> "deviceId";
            case BROKER -> "brokerId";
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
