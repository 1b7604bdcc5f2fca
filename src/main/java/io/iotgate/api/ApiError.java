package io.iotgate.api;

import java.util.List;

/** The error body of every failed call, as IoT Core's: a gRPC code, a message, and details (none yet). */
public record ApiError(int code, String message, List<Object> details) {

    static ApiError of(int code, String message) {
        return new ApiError(code, message, List.of());
    }
}
