package io.iotgate.identity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Parses PEM certificates on {@link IdentityWorkers}: ASN.1 decoding stays off the event loop. */
@ApplicationScoped
public class CertificateParsing {

    private final CertificateParser parser = new CertificateParser(Clock.systemUTC());
    private final IdentityWorkers workers;

    public CertificateParsing(IdentityWorkers workers) {
        this.workers = workers;
    }

    /** Fails with {@link InvalidCertificateException} for anything but one currently valid X.509 certificate. */
    public Uni<ParsedCertificate> parse(String pem) {
        return workers.run(() -> parser.parsePem(pem));
    }
}
