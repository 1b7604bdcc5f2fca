package io.iotgate.identity;

/** A certificate we refuse to store or accept; the message is written for the API user. */
public final class InvalidCertificateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateException(String message) {
        super(message);
    }
}
