package io.iotgate.control;

import io.iotgate.model.Change;
import io.iotgate.model.Operation;

import java.util.List;

/** What a transaction produced: the operation to return and the changes to announce once it commits. */
record Committed(Operation operation, List<Change> changes) {

    static Committed of(Operation operation, Change... changes) {
        return new Committed(operation, List.of(changes));
    }
}
