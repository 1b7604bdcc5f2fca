package io.iotgate.identity;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * An X.509 certificate with what we store and match on.
 *
 * @param fingerprint     lowercase hex SHA-256 of the DER encoding: how devices and registries are found
 * @param sha1Fingerprint lowercase hex SHA-1 of the DER encoding, for display next to other tools' output
 * @param pem             normalized PEM: one block, 64-character Base64 lines, {@code \n} line ends
 */
public record ParsedCertificate(
        X509Certificate certificate,
        String fingerprint,
        String sha1Fingerprint,
        Instant notBefore,
        Instant notAfter,
        String pem) {

    public ParsedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(sha1Fingerprint, "sha1Fingerprint");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(pem, "pem");
    }
}
