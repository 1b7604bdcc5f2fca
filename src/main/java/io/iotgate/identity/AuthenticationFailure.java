package io.iotgate.identity;

/** Why a CONNECT was refused; the edge maps each reason to the CONNACK code of the client's protocol. */
public final class AuthenticationFailure extends RuntimeException {

    public enum Reason {
        /** Unknown ID, wrong password, unregistered or expired certificate: never said which. */
        BAD_CREDENTIALS,
        /** Known and proven, but not allowed in now: a disabled registry. */
        NOT_AUTHORIZED,
        /** Too many failures from this address or for this ID. */
        THROTTLED
    }

    private final Reason reason;

    public AuthenticationFailure(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
