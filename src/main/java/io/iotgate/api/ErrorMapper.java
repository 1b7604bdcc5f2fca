package io.iotgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.iotgate.control.ControlFailure;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** The one place where failures become HTTP statuses and {@code {code, message, details}} bodies. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @ServerExceptionMapper
    public Response controlFailure(ControlFailure failure) {
        // gRPC code to HTTP status, as IoT Core's REST gateway maps them.
        int status = switch (failure.grpcCode()) {
            case 5 -> 404;
            case 6 -> 409;
            case 7 -> 403;
            case 8 -> 429;
            case 16 -> 401;
            default -> 400;
        };
        return error(status, failure.grpcCode(), failure.getMessage());
    }

    /** Unknown fields and wrong types; ahead of Quarkus' own mapper, whose body is not {code, message, details}. */
    @ServerExceptionMapper(priority = 1)
    public Response badField(com.fasterxml.jackson.databind.exc.MismatchedInputException failure) {
        return badJson(failure);
    }

    /** Unknown fields, wrong types and malformed JSON: 400 naming the field. */
    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return invalid(path(unknown) + ": unknown field");
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(path(mapping) + ": wrong type or value");
        }
        return invalid("request body: not valid JSON (" + failure.getOriginalMessage() + ")");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException failure) {
        return error(404, 5, "Not found");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException failure) {
        return error(405, 12, "Method not allowed");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status == 415) {
            return error(415, 3, "request body: send application/json");
        }
        if (status >= 400 && status < 500) {
            return error(status, 3, failure.getMessage());
        }
        LOG.error("Request failed", failure);
        return error(500, 13, "Internal error");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException failure) {
        LOG.error("Request failed", failure);
        return error(500, 13, "Internal error");
    }

    private static Response invalid(String message) {
        return error(400, 3, message);
    }

    static Response error(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(code, message)).build();
    }

    private static String path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
