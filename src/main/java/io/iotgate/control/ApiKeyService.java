package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.control.ControlFailure.Unauthenticated;
import io.iotgate.model.ApiKey;
import io.iotgate.model.Operation;
import io.iotgate.model.Role;
import io.iotgate.store.ApiKeyRepository;
import io.iotgate.store.FolderRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service-account API keys: {@code <keyId>.<secret>}, bound to one folder and one role. The secret is 256
 * random bits, so a plain SHA-256 of it is as good as a slow hash: nothing can be guessed from it, and a
 * check costs microseconds instead of tens of milliseconds on every API call.
 */
@ApplicationScoped
public class ApiKeyService {

    /** A key just created: the only moment its full value exists outside the caller's hands. */
    public record CreatedApiKey(ApiKey apiKey, String secret) {}

    public record NewApiKey(String role, String description) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final ApiKeyRepository keys;
    private final FolderRepository folders;
    private final Operations operations;

    ApiKeyService(Pool pool, ApiKeyRepository keys, FolderRepository folders, Operations operations) {
        this.pool = pool;
        this.keys = keys;
        this.folders = folders;
        this.operations = operations;
    }

    public Uni<CreatedApiKey> create(Caller caller, String folderId, NewApiKey request) {
        FolderService.requireAdministrator(caller);
        Role role = Role.fromWireName(ResourceFields.required("role", request.role()))
                .orElseThrow(() -> new InvalidArgument("role: one of " + String.join(", ",
                        java.util.Arrays.stream(Role.values()).map(Role::wireName).toList())));
        String description = ResourceFields.description(request.description());
        return pool.withTransaction(tx -> requireFolder(tx, folderId).flatMap(v -> issue(tx, folderId, role, description)));
    }

    /** Creates a key without a caller: the first start's administrator key, before anyone can call. */
    public Uni<CreatedApiKey> issue(SqlClient tx, String folderId, Role role, String description) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        var key = new ApiKey(IdGenerator.next(IdGenerator.API_KEY), folderId, role, description,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return keys.insert(tx, key, sha256(secret)).replaceWith(new CreatedApiKey(key, key.id() + "." + secret));
    }

    public Uni<List<ApiKey>> list(Caller caller, String folderId) {
        FolderService.requireAdministrator(caller);
        return pool.withConnection(db -> requireFolder(db, folderId).flatMap(v -> keys.listOfFolder(db, folderId)));
    }

    public Uni<Operation> revoke(Caller caller, String folderId, String keyId) {
        FolderService.requireAdministrator(caller);
        return pool.withTransaction(tx -> keys.delete(tx, folderId, keyId).flatMap(deleted -> {
            if (!deleted) {
                throw new NotFound("API key " + keyId + " not found");
            }
            return operations.record(tx, caller, new Operations.Done(folderId, keyId, "Revoke API key",
                    Map.of("folderId", folderId, "apiKeyId", keyId), null));
        }));
    }

    /** Resolves a presented {@code <keyId>.<secret>} to its caller, or fails UNAUTHENTICATED alike for every wrong key. */
    public Uni<Caller> authenticate(String presented) {
        int dot = presented == null ? -1 : presented.indexOf('.');
        if (dot <= 0) {
            return Uni.createFrom().failure(invalidKey());
        }
        String keyId = presented.substring(0, dot);
        byte[] presentedHash = sha256(presented.substring(dot + 1));
        return pool.withConnection(db -> keys.findWithHash(db, keyId)).map(found -> {
            var stored = found.filter(k -> MessageDigest.isEqual(k.secretHash(), presentedHash))
                    .orElseThrow(ApiKeyService::invalidKey);
            ApiKey key = stored.key();
            return new Caller("apiKey:" + key.id(), Map.of(key.folderId(), Set.of(key.role())), key.role() == Role.ADMIN);
        });
    }

    private Uni<Void> requireFolder(SqlClient db, String folderId) {
        return folders.find(db, folderId).map(found -> {
            found.orElseThrow(() -> new NotFound("Folder " + folderId + " not found"));
            return null;
        });
    }

    private static Unauthenticated invalidKey() {
        return new Unauthenticated("The API key is not valid");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
