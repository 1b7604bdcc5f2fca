package io.iotgate.store;

import io.iotgate.model.LogOptions;
import io.iotgate.model.TopicPermissions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Conversions between rows and model values shared by the repositories. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Map<String, String> stringMap(Row row, String column) {
        JsonObject json = (JsonObject) row.getValue(column);
        Map<String, String> map = new LinkedHashMap<>();
        if (json != null) {
            json.forEach(entry -> map.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return map;
    }

    static JsonObject json(Map<String, ?> map) {
        return new JsonObject(new LinkedHashMap<>(map));
    }

    static LogOptions logOptions(Row row) {
        JsonObject json = (JsonObject) row.getValue("log_options");
        return new LogOptions(json.getBoolean("disabled", false), json.getString("minLevel", "LEVEL_UNSPECIFIED"));
    }

    static JsonObject json(LogOptions options) {
        return new JsonObject().put("disabled", options.disabled()).put("minLevel", options.minLevel());
    }

    /** A credential's topic permissions; SQL NULL (every topic) stays null. */
    static TopicPermissions permissions(Row row) {
        JsonObject json = (JsonObject) row.getValue("permissions");
        if (json == null) {
            return null;
        }
        return new TopicPermissions(strings(json.getJsonArray("publish")), strings(json.getJsonArray("subscribe")));
    }

    static JsonObject json(TopicPermissions permissions) {
        return permissions == null ? null : new JsonObject()
                .put("publish", new JsonArray(new ArrayList<>(permissions.publish())))
                .put("subscribe", new JsonArray(new ArrayList<>(permissions.subscribe())));
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> list.add(String.valueOf(item)));
        }
        return list;
    }

    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(mapper.apply(row));
        }
        return list;
    }

    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(mapper.apply(iterator.next())) : Optional.empty();
    }

}
