package io.iotgate.control;

import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.store.OperationRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Every change returns an Operation, written in the change's own transaction so that one never exists
 * without the other. Changes complete at once, so operations are born done.
 */
@ApplicationScoped
public class Operations {

    private final Pool pool;
    private final OperationRepository operations;

    public Operations(Pool pool, OperationRepository operations) {
        this.pool = pool;
        this.operations = operations;
    }

    /** A finished change described for its caller; {@code response} is the resource it left, or null. */
    record Done(String folderId, String resourceId, String description, Map<String, Object> metadata,
                Object response) {}

    Uni<Operation> record(SqlClient tx, Caller caller, Done done) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var operation = new Operation(IdGenerator.next(IdGenerator.OPERATION), done.folderId(), done.resourceId(),
                done.description(), now, caller.subject(), now, true, done.metadata(), done.response(), null);
        return operations.insert(tx, operation).replaceWith(operation);
    }

    public Uni<Operation> get(Caller caller, String operationId) {
        String notFound = "Operation " + operationId + " not found";
        return pool.withConnection(db -> operations.find(db, operationId))
                .map(found -> {
                    Operation op = found.orElseThrow(() -> new NotFound(notFound));
                    FolderAccess.require(caller, op.folderId(), Permission.READ_METADATA, notFound);
                    return op;
                });
    }

    /** Lists a resource's operations; the caller has been checked against the resource already. */
    Uni<Page<Operation>> ofResource(SqlClient db, String resourceId, PageRequest page) {
        return operations.listOfResource(db, resourceId, page);
    }
}
