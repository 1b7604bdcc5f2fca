package io.iotgate.api;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.DeviceService;
import io.iotgate.model.Device;
import io.iotgate.model.Operation;
import io.iotgate.control.CredentialService;
import io.iotgate.model.ResourceKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /iot-devices/v1/devices}, as IoT Core's DeviceService. */
@Path("/iot-devices/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService devices;
    private final CurrentCaller caller;
    private final CredentialService credentials;
    private final PageTokens pages;

    DeviceResource(DeviceService devices, CurrentCaller caller, PageTokens pages,
                     CredentialService credentials) {
        this.devices = devices;
        this.caller = caller;
        this.pages = pages;
        this.credentials = credentials;
    }

    @GET
    @Path("devices")
    public Uni<Responses.DeviceList> list(@QueryParam("registryId") String registryId,
                                          @QueryParam("folderId") String folderId,
                                          @QueryParam("pageSize") Integer pageSize,
                                          @QueryParam("pageToken") String pageToken,
                                          @QueryParam("deviceView") String deviceView) {
        return devices.list(caller.get(), registryId, folderId, pages.request(pageSize, pageToken), view(deviceView))
                .map(page -> new Responses.DeviceList(page.items(), pages.next(page)));
    }

    @POST
    @Path("devices")
    public Uni<Operation> create(Requests.CreateDevice body) {
        var request = body == null ? new Requests.CreateDevice(null, null, null, null, null, null, null) : body;
        return devices.create(caller.get(), new DeviceService.NewDevice(request.registryId(), request.name(),
                request.description(), request.labels(), Requests.pems(request.certificates()),
                request.topicAliases(), request.password()));
    }

    @GET
    @Path("devices:getByName")
    public Uni<Device> getByName(@QueryParam("registryId") String registryId,
                                 @QueryParam("deviceName") String deviceName,
                                 @QueryParam("deviceView") String deviceView) {
        return devices.getByName(caller.get(), registryId, deviceName, view(deviceView));
    }

    @GET
    @Path("devices/{deviceId: [a-z0-9]+}")
    public Uni<Device> get(@PathParam("deviceId") String deviceId, @QueryParam("deviceView") String deviceView) {
        return devices.get(caller.get(), deviceId, view(deviceView));
    }

    @PATCH
    @Path("devices/{deviceId: [a-z0-9]+}")
    public Uni<Operation> update(@PathParam("deviceId") String deviceId, Requests.UpdateDevice body) {
        var request = body == null ? new Requests.UpdateDevice(null, null, null, null, null) : body;
        return devices.update(caller.get(), deviceId, new DeviceService.DeviceChanges(request.updateMask(),
                request.name(), request.description(), request.labels(), request.topicAliases()));
    }

    @DELETE
    @Path("devices/{deviceId: [a-z0-9]+}")
    public Uni<Operation> delete(@PathParam("deviceId") String deviceId) {
        return devices.delete(caller.get(), deviceId);
    }

    @GET
    @Path("devices/{deviceId: [a-z0-9]+}/operations")
    public Uni<Responses.OperationList> operations(@PathParam("deviceId") String deviceId,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("pageToken") String pageToken) {
        return devices.operations(caller.get(), deviceId, pages.request(pageSize, pageToken))
                .map(page -> new Responses.OperationList(page.items(), pages.next(page)));
    }

    private static DeviceService.View view(String deviceView) {
        if (deviceView == null || deviceView.isEmpty() || deviceView.equals("DEVICE_VIEW_UNSPECIFIED")) {
            return DeviceService.View.BASIC;
        }
        try {
            return DeviceService.View.valueOf(deviceView);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("deviceView: one of BASIC, FULL");
        }
    }


    // Certificates and passwords: one CredentialService call each, the same for the three kinds.

    @GET
    @Path("devices/{deviceId: [a-z0-9]+}/certificates")
    public Uni<Responses.CertificateList> listCertificates(@PathParam("deviceId") String deviceId) {
        return credentials.listCertificates(caller.get(), ResourceKind.DEVICE, deviceId).map(Responses.CertificateList::new);
    }

    @POST
    @Path("devices/{deviceId: [a-z0-9]+}/certificates")
    public Uni<Operation> addCertificate(@PathParam("deviceId") String deviceId, Requests.CertificateData body) {
        return credentials.addCertificate(caller.get(), ResourceKind.DEVICE, deviceId, body == null ? null : body.certificateData());
    }

    @DELETE
    @Path("devices/{deviceId: [a-z0-9]+}/certificates/{fingerprint}")
    public Uni<Operation> deleteCertificate(@PathParam("deviceId") String deviceId, @PathParam("fingerprint") String fingerprint) {
        return credentials.deleteCertificate(caller.get(), ResourceKind.DEVICE, deviceId, fingerprint);
    }

    @GET
    @Path("devices/{deviceId: [a-z0-9]+}/passwords")
    public Uni<Responses.PasswordList> listPasswords(@PathParam("deviceId") String deviceId) {
        return credentials.listPasswords(caller.get(), ResourceKind.DEVICE, deviceId).map(Responses.PasswordList::new);
    }

    @POST
    @Path("devices/{deviceId: [a-z0-9]+}/passwords")
    public Uni<Operation> addPassword(@PathParam("deviceId") String deviceId, Requests.PasswordValue body) {
        return credentials.addPassword(caller.get(), ResourceKind.DEVICE, deviceId, body == null ? null : body.password());
    }

    @DELETE
    @Path("devices/{deviceId: [a-z0-9]+}/passwords/{passwordId}")
    public Uni<Operation> deletePassword(@PathParam("deviceId") String deviceId, @PathParam("passwordId") String passwordId) {
        return credentials.deletePassword(caller.get(), ResourceKind.DEVICE, deviceId, passwordId);
    }
}
