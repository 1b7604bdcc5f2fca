package io.iotgate.api;

import io.iotgate.control.ConnectionLogService;
import io.iotgate.control.ConnectionLogService.TimeRange;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /iot-broker/v1/brokers/{brokerId}/connectionLog}: iotgate's extension, the connection log of a broker, newest
 * first, within {@code from} (inclusive) and {@code to} (exclusive). A resource class of its own, so the
 * BrokerResource of IoT Core's API stays as it is.
 */
@Path("/iot-broker/v1/brokers/{brokerId: [a-z0-9]+}/connectionLog")
@Produces(MediaType.APPLICATION_JSON)
public class BrokerConnectionLogResource {

    private final ConnectionLogService log;
    private final CurrentCaller caller;
    private final PageTokens pages;

    BrokerConnectionLogResource(ConnectionLogService log, CurrentCaller caller, PageTokens pages) {
        this.log = log;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    public Uni<ConnectionLogPage> list(@PathParam("brokerId") String brokerId, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("pageSize") Integer pageSize,
                                       @QueryParam("pageToken") String pageToken) {
        return log.ofBroker(caller.get(), brokerId, new TimeRange(from, to), pages.request(pageSize, pageToken))
                .map(page -> ConnectionLogPage.of(page, pages));
    }
}
