package io.iotgate.api;

import io.iotgate.control.PublishService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code POST /iot-broker/v1/brokers/{brokerId}/publish}: IoT Core's BrokerData service, a message on behalf of a broker. */
@Path("/iot-broker/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrokerDataResource {

    private final PublishService publish;
    private final CurrentCaller caller;

    BrokerDataResource(PublishService publish, CurrentCaller caller) {
        this.publish = publish;
        this.caller = caller;
    }

    @POST
    @Path("brokers/{brokerId: [a-z0-9]+}/publish")
    public Uni<Map<String, Object>> asBroker(@PathParam("brokerId") String brokerId, Requests.PublishData body) {
        var request = Published.orEmpty(body);
        return publish.asBroker(caller.get(), brokerId, request.topic(), request.data()).map(v -> Published.ANSWER);
    }
}
