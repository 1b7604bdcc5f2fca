package io.iotgate.api;

import io.iotgate.control.Operations;
import io.iotgate.model.Operation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /operations/{operationId}}: any operation the caller's folders hold, read back. */
@Path("/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    private final Operations operations;
    private final CurrentCaller caller;

    OperationResource(Operations operations, CurrentCaller caller) {
        this.operations = operations;
        this.caller = caller;
    }

    @GET
    @Path("{operationId: [a-z0-9]+}")
    public Uni<Operation> get(@PathParam("operationId") String operationId) {
        return operations.get(caller.get(), operationId);
    }
}
