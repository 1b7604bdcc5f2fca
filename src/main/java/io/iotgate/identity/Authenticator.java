package io.iotgate.identity;

import io.iotgate.config.AuthenticationConfig;
import io.iotgate.identity.AuthenticationFailure.Reason;
import io.iotgate.model.Change;
import io.iotgate.model.ResourceStatus;
import io.iotgate.model.TopicPermissions;
import io.iotgate.store.CertificateRepository;
import io.iotgate.store.ClientDirectory;
import io.iotgate.store.ClientDirectory.ClientRecord;
import io.iotgate.store.PasswordRepository;
import io.iotgate.store.PasswordRepository.StoredPassword;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides who an MQTT client is. IoT Core's rules: the username is the device, registry or broker ID; a
 * password, when sent, decides (a wrong password fails even with a good certificate); otherwise the exact
 * registered certificate identifies the client. Unknown IDs and wrong secrets fail alike.
 */
@ApplicationScoped
public class Authenticator {

    private final Pool pool;
    private final ClientDirectory directory;
    private final PasswordRepository passwords;
    private final CertificateRepository certificates;
    private final PasswordHashing hashing;
    private final PasswordCheckCache cache;
    private final LoginThrottle throttle;
    private final CertificateParser certificateParser = new CertificateParser(Clock.systemUTC());
    private final IdentityWorkers workers;

    Authenticator(Pool pool, ClientDirectory directory, PasswordRepository passwords, CertificateRepository certificates,
                  PasswordHashing hashing, IdentityWorkers workers, AuthenticationConfig config) {
        this.pool = pool;
        this.directory = directory;
        this.passwords = passwords;
        this.certificates = certificates;
        this.hashing = hashing;
        this.workers = workers;
        this.cache = new PasswordCheckCache(config.passwordCacheSize());
        this.throttle = new LoginThrottle(config.freeAttempts(), config.firstDelay(), config.maxDelay(), Clock.systemUTC());
    }

    /** How long this attempt must wait before it is even looked at (see {@link LoginThrottle}). */
    public Duration waitBefore(ConnectCredentials credentials) {
        return throttle.waitBefore(credentials.remoteAddress(), credentials.username());
    }

    public Uni<Principal> authenticate(ConnectCredentials credentials) {
        Uni<Principal> attempt;
        if (credentials.password() != null) {
            attempt = byPassword(credentials.username(), credentials.password());
        } else if (credentials.clientCertificate() != null) {
            attempt = byCertificate(credentials.username(), credentials);
        } else {
            attempt = Uni.createFrom().failure(new AuthenticationFailure(Reason.BAD_CREDENTIALS,
                    "neither a password nor a client certificate was presented"));
        }
        return attempt
                .invoke(principal -> throttle.succeeded(credentials.remoteAddress(), credentials.username()))
                .onFailure(AuthenticationFailure.class).invoke(failure -> {
                    if (((AuthenticationFailure) failure).reason() == Reason.BAD_CREDENTIALS) {
                        throttle.failed(credentials.remoteAddress(), credentials.username());
                    }
                });
    }

    private Uni<Principal> byPassword(String id, String password) {
        if (id == null || id.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailure(Reason.BAD_CREDENTIALS, "a password needs a username"));
        }
        return pool.withConnection(db -> directory.find(db, id).flatMap(found -> {
            ClientRecord client = found.orElseThrow(() -> badCredentials("unknown ID " + id));
            return passwords.hashesOf(db, new io.iotgate.model.ResourceRef(client.kind(), client.id(), client.folderId()))
                    .map(stored -> new Candidate(client, stored));
        })).flatMap(candidate -> matchingPassword(candidate, password)
                .map(matched -> principal(candidate.client(), new Principal.Proof.Password(matched.password().id()),
                        matched.password().permissions())));
    }

    private record Candidate(ClientRecord client, List<StoredPassword> stored) {}

    /**
     * The stored password that matches, as read for this CONNECT: the cache only spares the hash and holds
     * nothing but the password's ID, so the permissions always come from the row just read, never stale.
     */
    private Uni<StoredPassword> matchingPassword(Candidate candidate, String password) {
        String ownerId = candidate.client().id();
        var cached = cache.verifiedPasswordId(ownerId, password);
        if (cached.isPresent()) {
            var stillStored = candidate.stored().stream().filter(p -> p.password().id().equals(cached.get())).findFirst();
            if (stillStored.isPresent()) {
                return Uni.createFrom().item(stillStored.get());
            }
        }
        // A client may hold several passwords: try each on the workers until one matches.
        return Multi.createFrom().iterable(candidate.stored())
                .onItem().transformToUniAndConcatenate(stored -> hashing.verify(password, stored.hash())
                        .map(ok -> ok ? stored : null))
                .filter(java.util.Objects::nonNull)
                .toUni()
                .map(matched -> {
                    if (matched == null) {
                        throw badCredentials("wrong password for " + ownerId);
                    }
                    cache.remember(ownerId, password, matched.password().id());
                    return matched;
                });
    }

    private Uni<Principal> byCertificate(String username, ConnectCredentials credentials) {
        return workers.run(() -> certificateParser.fromCertificate(credentials.clientCertificate()))
                .flatMap(parsed -> {
                    try {
                        certificateParser.checkValidity(parsed);
                    } catch (InvalidCertificateException e) {
                        throw badCredentials("client certificate " + parsed.fingerprint() + ": " + e.getMessage());
                    }
                    return pool.withConnection(db -> certificates.findByFingerprint(db, parsed.fingerprint())
                            .flatMap(found -> {
                                var stored = found.orElseThrow(() ->
                                        badCredentials("unregistered certificate " + parsed.fingerprint()));
                                if (username != null && !username.isEmpty() && !username.equals(stored.owner().id())) {
                                    throw badCredentials("certificate " + parsed.fingerprint() + " is not registered on " + username);
                                }
                                return directory.find(db, stored.owner().id()).map(owner -> owner.map(client ->
                                        principal(client, new Principal.Proof.Certificate(parsed.fingerprint()),
                                                stored.certificate().permissions())));
                            }))
                            .map(found -> found.orElseThrow(() -> badCredentials("certificate owner is gone")));
                });
    }

    private static Principal principal(ClientRecord client, Principal.Proof proof, TopicPermissions permissions) {
        if (client.namespaceStatus() == ResourceStatus.DISABLED) {
            throw new AuthenticationFailure(Reason.NOT_AUTHORIZED, "registry " + client.registryId() + " is disabled");
        }
        return new Principal(client.kind(), client.id(), client.registryId(), client.folderId(), client.topicAliases(),
                proof, Optional.ofNullable(permissions));
    }

    private static AuthenticationFailure badCredentials(String detail) {
        return new AuthenticationFailure(Reason.BAD_CREDENTIALS, detail);
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.PasswordDeleted deleted) {
            cache.forgetPassword(deleted.passwordId());
        } else if (change instanceof Change.ResourceDeleted deleted) {
            cache.forgetOwner(deleted.resource().id());
        }
    }
}
