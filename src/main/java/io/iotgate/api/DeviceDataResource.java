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

/**
 * {@code POST /iot-devices/v1/devices/{deviceId}/publish} and {@code .../registries/{registryId}/publish}: IoT
 * Core's DeviceData and RegistryData services, a message on behalf of a device or a registry.
 */
@Path("/iot-devices/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceDataResource {

    private final PublishService publish;
    private final CurrentCaller caller;

    DeviceDataResource(PublishService publish, CurrentCaller caller) {
        this.publish = publish;
        this.caller = caller;
    }

    @POST
    @Path("devices/{deviceId: [a-z0-9]+}/publish")
    public Uni<Map<String, Object>> asDevice(@PathParam("deviceId") String deviceId, Requests.PublishData body) {
        var request = Published.orEmpty(body);
        return publish.asDevice(caller.get(), deviceId, request.topic(), request.data()).map(v -> Published.ANSWER);
    }

    @POST
    @Path("registries/{registryId: [a-z0-9]+}/publish")
    public Uni<Map<String, Object>> asRegistry(@PathParam("registryId") String registryId, Requests.PublishData body) {
        var request = Published.orEmpty(body);
        return publish.asRegistry(caller.get(), registryId, request.topic(), request.data()).map(v -> Published.ANSWER);
    }
}
