package io.iotgate.control;

import io.iotgate.config.LimitsConfig;
import io.iotgate.config.MqttConfig;
import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.Change;
import io.iotgate.model.FolderLimitSettings;
import io.iotgate.model.LimitOverrides;
import io.iotgate.model.Operation;
import io.iotgate.store.FolderLimitRepository;
import io.iotgate.tenancy.Limits;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder's limits (iotgate beyond IoT Core, whose limits are fixed): anyone with a role on the folder reads
 * them; only an administrator changes them, since they protect the service from its tenants.
 */
@ApplicationScoped
public class FolderLimitService {

    /** A change as the caller sent it: fields named in {@code updateMask} and absent from the body return to the default. */
    public record LimitChanges(String updateMask, Integer payloadBytes, Integer topicLength, Integer publishRate,
                               Integer publishBurst, Integer subscriptionsPerSession, Integer inflightPerSession) {}

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("payloadBytes", "topicLength",
            "publishRate", "publishBurst", "subscriptionsPerSession", "inflightPerSession"));
    private static final int MOST = 100_000;
    /** What a two-byte length prefix can encode [MQTT-1.5.3]; also the largest Receive Maximum [MQTT-3.1.2.11]. */
    private static final int MAX_TOPIC_BYTES = 65_535;
    private static final int MAX_RECEIVE_MAXIMUM = 65_535;

    private final Pool pool;
    private final FolderLimitRepository limits;
    private final LimitsConfig defaults;
    private final MqttConfig mqtt;
    private final Operations operations;
    private final ChangeEvents changes;

    FolderLimitService(Pool pool, FolderLimitRepository limits, LimitsConfig defaults, MqttConfig mqtt,
                       Operations operations, ChangeEvents changes) {
        this.pool = pool;
        this.limits = limits;
        this.defaults = defaults;
        this.mqtt = mqtt;
        this.operations = operations;
        this.changes = changes;
    }

    public Uni<FolderLimitSettings> get(Caller caller, String folderId) {
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        return pool.withConnection(db -> limits.find(db, folderId))
                .map(found -> settings(folderId, found.orElseThrow(() -> folderNotFound(folderId))));
    }

    public Uni<Operation> update(Caller caller, String folderId, LimitChanges request) {
        // Another tenant's folder answers as a missing one; a role short of administrator answers 403.
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        FolderService.requireAdministrator(caller);
        Set<String> mask = ResourceFields.updateMask(request.updateMask(), FIELDS);
        return pool.withTransaction(tx -> limits.findForUpdate(tx, folderId).flatMap(found -> {
                    LimitOverrides current = found.orElseThrow(() -> folderNotFound(folderId));
                    LimitOverrides changed = new LimitOverrides(
                            pick(mask, "payloadBytes", request.payloadBytes(), current.payloadBytes(), 1, mqtt.maxPacketBytes()),
                            pick(mask, "topicLength", request.topicLength(), current.topicLength(), 1, MAX_TOPIC_BYTES),
                            pick(mask, "publishRate", request.publishRate(), current.publishRate(), 0, MOST),
                            pick(mask, "publishBurst", request.publishBurst(), current.publishBurst(), 1, MOST),
                            pick(mask, "subscriptionsPerSession", request.subscriptionsPerSession(),
                                    current.subscriptionsPerSession(), 1, MOST),
                            pick(mask, "inflightPerSession", request.inflightPerSession(), current.inflightPerSession(),
                                    1, MAX_RECEIVE_MAXIMUM));
                    return limits.save(tx, folderId, changed, Instant.now().truncatedTo(ChronoUnit.MICROS))
                            .flatMap(v -> operations.record(tx, caller, new Operations.Done(folderId, folderId,
                                    "Update folder limits", Map.of("folderId", folderId), settings(folderId, changed))))
                            .map(op -> Committed.of(op, new Change.FolderLimitsChanged(folderId, changed)));
                }))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    private FolderLimitSettings settings(String folderId, LimitOverrides own) {
        Limits effective = Limits.of(defaults, own);
        List<String> overridden = new ArrayList<>();
        Integer[] values = {own.payloadBytes(), own.topicLength(), own.publishRate(), own.publishBurst(),
                own.subscriptionsPerSession(), own.inflightPerSession()};
        int i = 0;
        for (String field : FIELDS) {
            if (values[i++] != null) {
                overridden.add(field);
            }
        }
        return new FolderLimitSettings(folderId, effective.payloadBytes(), effective.topicLength(),
                effective.publishRate(), effective.publishBurst(), effective.subscriptionsPerSession(),
                effective.inflightPerSession(), overridden);
    }

    /** The field's new own value: unchanged outside the mask, null (the default) when absent, else range-checked. */
    private static Integer pick(Set<String> mask, String field, Integer requested, Integer current, int min, int max) {
        if (!mask.contains(field)) {
            return current;
        }
        if (requested != null && (requested < min || requested > max)) {
            throw new InvalidArgument(field + ": from " + min + " to " + max);
        }
        return requested;
    }

    private static NotFound folderNotFound(String folderId) {
        return new NotFound("Folder " + folderId + " not found");
    }
}
