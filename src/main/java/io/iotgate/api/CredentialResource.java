package io.iotgate.api;

import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.control.CredentialService;
import io.iotgate.model.Operation;
import io.iotgate.model.ResourceKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Certificates and passwords of registries, devices and brokers: the same six calls under
 * {@code /iot-devices/v1/registries/{id}}, {@code /iot-devices/v1/devices/{id}} and {@code /iot-broker/v1/brokers/{id}}.
 */
@Path("/{api: iot-devices|iot-broker}/v1/{collection: registries|devices|brokers}/{ownerId: [a-z0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private final CredentialService credentials;
    private final CurrentCaller caller;

    CredentialResource(CredentialService credentials, CurrentCaller caller) {
        this.credentials = credentials;
        this.caller = caller;
    }

    @GET
    @Path("certificates")
    public Uni<Responses.CertificateList> listCertificates(@PathParam("api") String api,
                                                           @PathParam("collection") String collection,
                                                           @PathParam("ownerId") String ownerId) {
        return credentials.listCertificates(caller.get(), kind(api, collection), ownerId)
                .map(Responses.CertificateList::new);
    }

    @POST
    @Path("certificates")
    public Uni<Operation> addCertificate(@PathParam("api") String api, @PathParam("collection") String collection,
                                         @PathParam("ownerId") String ownerId, Requests.CertificateData body) {
        return credentials.addCertificate(caller.get(), kind(api, collection), ownerId,
                body == null ? null : body.certificateData());
    }

    @DELETE
    @Path("certificates/{fingerprint}")
    public Uni<Operation> deleteCertificate(@PathParam("api") String api, @PathParam("collection") String collection,
                                            @PathParam("ownerId") String ownerId,
                                            @PathParam("fingerprint") String fingerprint) {
        return credentials.deleteCertificate(caller.get(), kind(api, collection), ownerId, fingerprint);
    }

    @GET
    @Path("passwords")
    public Uni<Responses.PasswordList> listPasswords(@PathParam("api") String api,
                                                     @PathParam("collection") String collection,
                                                     @PathParam("ownerId") String ownerId) {
        return credentials.listPasswords(caller.get(), kind(api, collection), ownerId).map(Responses.PasswordList::new);
    }

    @POST
    @Path("passwords")
    public Uni<Operation> addPassword(@PathParam("api") String api, @PathParam("collection") String collection,
                                      @PathParam("ownerId") String ownerId, Requests.PasswordValue body) {
        return credentials.addPassword(caller.get(), kind(api, collection), ownerId,
                body == null ? null : body.password());
    }

    @DELETE
    @Path("passwords/{passwordId}")
    public Uni<Operation> deletePassword(@PathParam("api") String api, @PathParam("collection") String collection,
                                         @PathParam("ownerId") String ownerId,
                                         @PathParam("passwordId") String passwordId) {
        return credentials.deletePassword(caller.get(), kind(api, collection), ownerId, passwordId);
    }

    /** Registries and devices live under iot-devices, brokers under iot-broker; other pairs do not exist. */
    private static ResourceKind kind(String api, String collection) {
        return switch (api + "/" + collection) {
            case "iot-devices/registries" -> ResourceKind.REGISTRY;
            case "iot-devices/devices" -> ResourceKind.DEVICE;
            case "iot-broker/brokers" -> ResourceKind.BROKER;
            default -> throw new NotFound("Not found");
        };
    }
}
