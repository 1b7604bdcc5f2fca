package io.iotgate.api;

import io.iotgate.control.BrokerService;
import io.iotgate.model.Broker;
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

/** {@code /iot-broker/v1/brokers}, as IoT Core's BrokerService. */
@Path("/iot-broker/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrokerResource {

    private final BrokerService brokers;
    private final CurrentCaller caller;
    private final CredentialService credentials;
    private final PageTokens pages;

    BrokerResource(BrokerService brokers, CurrentCaller caller, PageTokens pages,
                     CredentialService credentials) {
        this.brokers = brokers;
        this.caller = caller;
        this.pages = pages;
        this.credentials = credentials;
    }

    @GET
    @Path("brokers")
    public Uni<Responses.BrokerList> list(@QueryParam("folderId") String folderId,
                                          @QueryParam("pageSize") Integer pageSize,
                                          @QueryParam("pageToken") String pageToken) {
        return brokers.list(caller.get(), folderId, pages.request(pageSize, pageToken))
                .map(page -> new Responses.BrokerList(page.items(), pages.next(page)));
    }

    @POST
    @Path("brokers")
    public Uni<Operation> create(Requests.CreateBroker body) {
        var request = body == null ? new Requests.CreateBroker(null, null, null, null, null, null, null) : body;
        return brokers.create(caller.get(), new BrokerService.NewBroker(request.folderId(), request.name(),
                request.description(), request.labels(), Requests.pems(request.certificates()), request.password(),
                request.logOptions()));
    }

    @GET
    @Path("brokers/{brokerId: [a-z0-9]+}")
    public Uni<Broker> get(@PathParam("brokerId") String brokerId) {
        return brokers.get(caller.get(), brokerId);
    }

    @PATCH
    @Path("brokers/{brokerId: [a-z0-9]+}")
    public Uni<Operation> update(@PathParam("brokerId") String brokerId, Requests.UpdateBroker body) {
        var request = body == null ? new Requests.UpdateBroker(null, null, null, null, null) : body;
        return brokers.update(caller.get(), brokerId, new BrokerService.BrokerChanges(request.updateMask(),
                request.name(), request.description(), request.labels(), request.logOptions()));
    }

    @DELETE
    @Path("brokers/{brokerId: [a-z0-9]+}")
    public Uni<Operation> delete(@PathParam("brokerId") String brokerId) {
        return brokers.delete(caller.get(), brokerId);
    }

    @GET
    @Path("brokers/{brokerId: [a-z0-9]+}/operations")
    public Uni<Responses.OperationList> operations(@PathParam("brokerId") String brokerId,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("pageToken") String pageToken) {
        return brokers.operations(caller.get(), brokerId, pages.request(pageSize, pageToken))
                .map(page -> new Responses.OperationList(page.items(), pages.next(page)));
    }


    // Certificates and passwords: one CredentialService call each, the same for the three kinds.

    @GET
    @Path("brokers/{brokerId: [a-z0-9]+}/certificates")
    public Uni<Responses.CertificateList> listCertificates(@PathParam("brokerId") String brokerId) {
        return credentials.listCertificates(caller.get(), ResourceKind.BROKER, brokerId).map(Responses.CertificateList::new);
    }

    @POST
    @Path("brokers/{brokerId: [a-z0-9]+}/certificates")
    public Uni<Operation> addCertificate(@PathParam("brokerId") String brokerId, Requests.BrokerCertificateData body) {
        return credentials.addCertificate(caller.get(), ResourceKind.BROKER, brokerId,
                body == null ? null : body.certificateData(),
                body == null ? null : Requests.Permissions.of(body.permissions()));
    }

    /** iotgate beyond IoT Core: change the topic permissions of a broker certificate. */
    @PATCH
    @Path("brokers/{brokerId: [a-z0-9]+}/certificates/{fingerprint}")
    public Uni<Operation> updateCertificatePermissions(@PathParam("brokerId") String brokerId,
                                                       @PathParam("fingerprint") String fingerprint,
                                                       Requests.UpdatePermissions body) {
        var request = body == null ? new Requests.UpdatePermissions(null, null) : body;
        return credentials.updateCertificatePermissions(caller.get(), ResourceKind.BROKER, brokerId, fingerprint,
                request.updateMask(), Requests.Permissions.of(request.permissions()));
    }

    @DELETE
    @Path("brokers/{brokerId: [a-z0-9]+}/certificates/{fingerprint}")
    public Uni<Operation> deleteCertificate(@PathParam("brokerId") String brokerId, @PathParam("fingerprint") String fingerprint) {
        return credentials.deleteCertificate(caller.get(), ResourceKind.BROKER, brokerId, fingerprint);
    }

    @GET
    @Path("brokers/{brokerId: [a-z0-9]+}/passwords")
    public Uni<Responses.PasswordList> listPasswords(@PathParam("brokerId") String brokerId) {
        return credentials.listPasswords(caller.get(), ResourceKind.BROKER, brokerId).map(Responses.PasswordList::new);
    }

    @POST
    @Path("brokers/{brokerId: [a-z0-9]+}/passwords")
    public Uni<Operation> addPassword(@PathParam("brokerId") String brokerId, Requests.BrokerPasswordValue body) {
        return credentials.addPassword(caller.get(), ResourceKind.BROKER, brokerId, body == null ? null : body.password(),
                body == null ? null : Requests.Permissions.of(body.permissions()));
    }

    /** iotgate beyond IoT Core: change the topic permissions of a broker password. */
    @PATCH
    @Path("brokers/{brokerId: [a-z0-9]+}/passwords/{passwordId}")
    public Uni<Operation> updatePasswordPermissions(@PathParam("brokerId") String brokerId,
                                                    @PathParam("passwordId") String passwordId,
                                                    Requests.UpdatePermissions body) {
        var request = body == null ? new Requests.UpdatePermissions(null, null) : body;
        return credentials.updatePasswordPermissions(caller.get(), ResourceKind.BROKER, brokerId, passwordId,
                request.updateMask(), Requests.Permissions.of(request.permissions()));
    }

    @DELETE
    @Path("brokers/{brokerId: [a-z0-9]+}/passwords/{passwordId}")
    public Uni<Operation> deletePassword(@PathParam("brokerId") String brokerId, @PathParam("passwordId") String passwordId) {
        return credentials.deletePassword(caller.get(), ResourceKind.BROKER, brokerId, passwordId);
    }
}
