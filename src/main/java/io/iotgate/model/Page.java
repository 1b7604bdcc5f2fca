package io.iotgate.model;

import java.util.List;
import java.util.function.Function;

/** A page of a list and the ID to continue after, null on the last page. */
public record Page<T>(List<T> items, String lastId) {

    /** Builds a page from a query that fetched one row more than asked: that extra row only proves there is more. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> idOf) {
        if (fetched.size() <= request.size()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.size());
        return new Page<>(items, idOf.apply(items.get(items.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), lastId);
    }
}
