package io.iotgate.api;

import io.iotgate.control.RegistryService;
import io.iotgate.model.Operation;
import io.iotgate.model.Registry;
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

/** {@code /iot-devices/v1/registries}, as IoT Core's RegistryService. */
@Path("/iot-devices/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistryResource {

    private final RegistryService registries;
    private final CurrentCaller caller;
    private final CredentialService credentials;
    private final PageTokens pages;

    RegistryResource(RegistryService registries, CurrentCaller caller, PageTokens pages,
                     CredentialService credentials) {
        this.registries = registries;
        this.caller = caller;
        this.pages = pages;
        this.credentials = credentials;
    }

    @GET
    @Path("registries")
    public Uni<Responses.RegistryList> list(@QueryParam("folderId") String folderId,
                                            @QueryParam("pageSize") Integer pageSize,
                                            @QueryParam("pageToken") String pageToken) {
        return registries.list(caller.get(), folderId, pages.request(pageSize, pageToken))
                .map(page -> new Responses.RegistryList(page.items(), pages.next(page)));
    }

    @POST
    @Path("registries")
    public Uni<Operation> create(Requests.CreateRegistry body) {
        var request = body == null ? new Requests.CreateRegistry(null, null, null, null, null, null, null) : body;
        return registries.create(caller.get(), new RegistryService.NewRegistry(request.folderId(), request.name(),
                request.description(), request.labels(), Requests.pems(request.certificates()), request.password(),
                request.logOptions()));
    }

    @GET
    @Path("registries:getByName")
    public Uni<Registry> getByName(@QueryParam("folderId") String folderId,
                                   @QueryParam("registryName") String registryName) {
        return registries.getByName(caller.get(), folderId, registryName);
    }

    @GET
    @Path("registries/{registryId: [a-z0-9]+}")
    public Uni<Registry> get(@PathParam("registryId") String registryId) {
        return registries.get(caller.get(), registryId);
    }

    @PATCH
    @Path("registries/{registryId: [a-z0-9]+}")
    public Uni<Operation> update(@PathParam("registryId") String registryId, Requests.UpdateRegistry body) {
        var request = body == null ? new Requests.UpdateRegistry(null, null, null, null, null) : body;
        return registries.update(caller.get(), registryId, new RegistryService.RegistryChanges(request.updateMask(),
                request.name(), request.description(), request.labels(), request.logOptions()));
    }

    @DELETE
    @Path("registries/{registryId: [a-z0-9]+}")
    public Uni<Operation> delete(@PathParam("registryId") String registryId) {
        return registries.delete(caller.get(), registryId);
    }

    @POST
    @Path("registries/{registryId: [a-z0-9]+}:disable")
    public Uni<Operation> disable(@PathParam("registryId") String registryId) {
        return registries.disable(caller.get(), registryId);
    }

    @POST
    @Path("registries/{registryId: [a-z0-9]+}:enable")
    public Uni<Operation> enable(@PathParam("registryId") String registryId) {
        return registries.enable(caller.get(), registryId);
    }

    @GET
    @Path("registries/{registryId: [a-z0-9]+}:listDeviceTopicAliases")
    public Uni<Responses.DeviceAliasList> deviceTopicAliases(@PathParam("registryId") String registryId) {
        return registries.deviceTopicAliases(caller.get(), registryId).map(Responses.DeviceAliasList::new);
    }

    @GET
    @Path("registries/{registryId: [a-z0-9]+}/operations")
    public Uni<Responses.OperationList> operations(@PathParam("registryId") String registryId,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("pageToken") String pageToken) {
        return registries.operations(caller.get(), registryId, pages.request(pageSize, pageToken))
                .map(page -> new Responses.OperationList(page.items(), pages.next(page)));
    }


    // Certificates and passwords: one CredentialService call each, the same for the three kinds.

    @GET
    @Path("registries/{registryId: [a-z0-9]+}/certificates")
    public Uni<Responses.CertificateList> listCertificates(@PathParam("registryId") String registryId) {
        return credentials.listCertificates(caller.get(), ResourceKind.REGISTRY, registryId).map(Responses.CertificateList::new);
    }

    @POST
    @Path("registries/{registryId: [a-z0-9]+}/certificates")
    public Uni<Operation> addCertificate(@PathParam("registryId") String registryId, Requests.CertificateData body) {
        return credentials.addCertificate(caller.get(), ResourceKind.REGISTRY, registryId, body == null ? null : body.certificateData());
    }

    @DELETE
    @Path("registries/{registryId: [a-z0-9]+}/certificates/{fingerprint}")
    public Uni<Operation> deleteCertificate(@PathParam("registryId") String registryId, @PathParam("fingerprint") String fingerprint) {
        return credentials.deleteCertificate(caller.get(), ResourceKind.REGISTRY, registryId, fingerprint);
    }

    @GET
    @Path("registries/{registryId: [a-z0-9]+}/passwords")
    public Uni<Responses.PasswordList> listPasswords(@PathParam("registryId") String registryId) {
        return credentials.listPasswords(caller.get(), ResourceKind.REGISTRY, registryId).map(Responses.PasswordList::new);
    }

    @POST
    @Path("registries/{registryId: [a-z0-9]+}/passwords")
    public Uni<Operation> addPassword(@PathParam("registryId") String registryId, Requests.PasswordValue body) {
        return credentials.addPassword(caller.get(), ResourceKind.REGISTRY, registryId, body == null ? null : body.password());
    }

    @DELETE
    @Path("registries/{registryId: [a-z0-9]+}/passwords/{passwordId}")
    public Uni<Operation> deletePassword(@PathParam("registryId") String registryId, @PathParam("passwordId") String passwordId) {
        return credentials.deletePassword(caller.get(), ResourceKind.REGISTRY, registryId, passwordId);
    }
}
