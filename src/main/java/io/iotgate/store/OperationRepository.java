package io.iotgate.store;

import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Operations as written once, when their change commits. The response is stored as the JSON the API showed,
 * so reading an operation back returns exactly what its caller saw.
 */
@ApplicationScoped
public class OperationRepository {

    private final ObjectMapper json;

    public OperationRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> insert(SqlClient db, Operation op) {
        @SuppressWarnings("unchecked")
        Map<String, Object> responseMap = op.response() == null ? null : json.convertValue(op.response(), Map.class);
        JsonObject response = responseMap == null ? null : new JsonObject(responseMap);
        JsonObject error = op.error() == null ? null
                : new JsonObject().put("code", op.error().code()).put("message", op.error().message());
        return db.preparedQuery("""
                INSERT INTO operations (id, folder_id, resource_id, description, created_at, created_by, modified_at,
                                        done, metadata, response, error)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
                .execute(Tuple.from(new Object[] {op.id(), op.folderId(), op.resourceId(), op.description(),
                        Rows.timestamp(op.createdAt()), op.createdBy(), Rows.timestamp(op.modifiedAt()), op.done(),
                        new JsonObject(new java.util.LinkedHashMap<>(op.metadata())), response, error}))
                .replaceWithVoid();
    }

    public Uni<Optional<Operation>> find(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM operations WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, OperationRepository::fromRow));
    }

    public Uni<Page<Operation>> listOfResource(SqlClient db, String resourceId, PageRequest page) {
        return db.preparedQuery("SELECT * FROM operations WHERE resource_id = $1 AND id > $2 ORDER BY id LIMIT $3")
                .execute(Tuple.of(resourceId, page.afterId() == null ? "" : page.afterId(), page.size() + 1))
                .map(rows -> Page.of(Rows.all(rows, OperationRepository::fromRow), page, Operation::id));
    }

    private static Operation fromRow(Row row) {
        JsonObject response = (JsonObject) row.getValue("response");
        JsonObject error = (JsonObject) row.getValue("error");
        Map<String, Object> metadata = ((JsonObject) row.getValue("metadata")).getMap();
        return new Operation(row.getString("id"), row.getString("folder_id"), row.getString("resource_id"),
                row.getString("description"), Rows.instant(row, "created_at"), row.getString("created_by"),
                Rows.instant(row, "modified_at"), row.getBoolean("done"), metadata,
                response == null ? null : response.getMap(),
                error == null ? null : new Operation.OperationError(error.getInteger("code"), error.getString("message")));
    }
}
