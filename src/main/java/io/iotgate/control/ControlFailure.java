package io.iotgate.control;

/**
 * Why a control-plane call failed, with the gRPC code IoT Core answers with. The REST edge maps each
 * kind to its HTTP status in one place.
 */
public abstract sealed class ControlFailure extends RuntimeException {

    private final int grpcCode;

    private ControlFailure(int grpcCode, String message) {
        super(message, null, false, false);
        this.grpcCode = grpcCode;
    }

    public int grpcCode() {
        return grpcCode;
    }

    public static final class InvalidArgument extends ControlFailure {
        public InvalidArgument(String message) { super(3, message); }
    }

    public static final class NotFound extends ControlFailure {
        public NotFound(String message) { super(5, message); }
    }

    public static final class AlreadyExists extends ControlFailure {
        public AlreadyExists(String message) { super(6, message); }
    }

    public static final class PermissionDenied extends ControlFailure {
        public PermissionDenied(String message) { super(7, message); }
    }

    public static final class ResourceExhausted extends ControlFailure {
        public ResourceExhausted(String message) { super(8, message); }
    }

    public static final class FailedPrecondition extends ControlFailure {
        public FailedPrecondition(String message) { super(9, message); }
    }

    public static final class Unauthenticated extends ControlFailure {
        public Unauthenticated(String message) { super(16, message); }
    }
}
