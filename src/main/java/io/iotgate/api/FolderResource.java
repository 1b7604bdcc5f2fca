package io.iotgate.api;

import io.iotgate.control.ApiKeyService;
import io.iotgate.control.FolderLimitService;
import io.iotgate.control.FolderService;
import io.iotgate.control.ImportResult;
import io.iotgate.control.ImportService;
import io.iotgate.model.Folder;
import io.iotgate.model.FolderLimitSettings;
import io.iotgate.model.Operation;
import com.fasterxml.jackson.databind.JsonNode;
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

/** iotgate's extension: folders (the tenants), their limits and API keys, and importing IoT Core exports into them. */
@Path("/iotgate/v1/folders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FolderResource {

    private final FolderService folders;
    private final ApiKeyService apiKeys;
    private final FolderLimitService limits;
    private final ImportService imports;
    private final CurrentCaller caller;
    private final PageTokens pages;

    FolderResource(FolderService folders, ApiKeyService apiKeys, FolderLimitService limits, ImportService imports,
                   CurrentCaller caller, PageTokens pages) {
        this.folders = folders;
        this.imports = imports;
        this.apiKeys = apiKeys;
        this.limits = limits;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    public Uni<Responses.FolderList> list(@QueryParam("pageSize") Integer pageSize,
                                          @QueryParam("pageToken") String pageToken) {
        return folders.list(caller.get(), pages.request(pageSize, pageToken))
                .map(page -> new Responses.FolderList(page.items(), pages.next(page)));
    }

    @POST
    public Uni<Operation> create(Requests.CreateFolder body) {
        var request = body == null ? new Requests.CreateFolder(null, null) : body;
        return folders.create(caller.get(), new FolderService.NewFolder(request.name(), request.description()));
    }

    @GET
    @Path("{folderId: [a-z0-9]+}")
    public Uni<Folder> get(@PathParam("folderId") String folderId) {
        return folders.get(caller.get(), folderId);
    }

    @GET
    @Path("{folderId: [a-z0-9]+}/limits")
    public Uni<FolderLimitSettings> getLimits(@PathParam("folderId") String folderId) {
        return limits.get(caller.get(), folderId);
    }

    @PATCH
    @Path("{folderId: [a-z0-9]+}/limits")
    public Uni<Operation> updateLimits(@PathParam("folderId") String folderId, Requests.UpdateFolderLimits body) {
        var request = body == null ? new Requests.UpdateFolderLimits(null, null, null, null, null, null, null) : body;
        return limits.update(caller.get(), folderId, new FolderLimitService.LimitChanges(request.updateMask(),
                request.payloadBytes(), request.topicLength(), request.publishRate(), request.publishBurst(),
                request.subscriptionsPerSession(), request.inflightPerSession()));
    }

    /** IoT Core exports (registries with devices, brokers, certificates) into the folder, keeping their IDs. */
    @POST
    @Path("{folderId: [a-z0-9]+}:import")
    public Uni<ImportResult> importExport(@PathParam("folderId") String folderId, JsonNode body) {
        return imports.importInto(caller.get(), folderId, ImportBody.read(body));
    }

    @GET
    @Path("{folderId: [a-z0-9]+}/apiKeys")
    public Uni<Responses.ApiKeyList> listApiKeys(@PathParam("folderId") String folderId) {
        return apiKeys.list(caller.get(), folderId).map(Responses.ApiKeyList::new);
    }

    @POST
    @Path("{folderId: [a-z0-9]+}/apiKeys")
    public Uni<Responses.CreatedApiKey> createApiKey(@PathParam("folderId") String folderId,
                                                     Requests.CreateApiKey body) {
        var request = body == null ? new Requests.CreateApiKey(null, null) : body;
        return apiKeys.create(caller.get(), folderId, new ApiKeyService.NewApiKey(request.role(), request.description()))
                .map(created -> new Responses.CreatedApiKey(created.apiKey(), created.secret()));
    }

    @DELETE
    @Path("{folderId: [a-z0-9]+}/apiKeys/{apiKeyId: [a-z0-9]+}")
    public Uni<Operation> revokeApiKey(@PathParam("folderId") String folderId,
                                       @PathParam("apiKeyId") String apiKeyId) {
        return apiKeys.revoke(caller.get(), folderId, apiKeyId);
    }
}
