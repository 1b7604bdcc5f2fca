package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ImportRequest.CertificateItem;
import io.iotgate.control.ImportRequest.FieldStyle;
import io.iotgate.identity.ParsedCertificate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses every certificate of an import on the identity workers, as the create calls do, and holds each
 * to the fingerprint its export lists. A PEM that is no valid certificate, or one certificate given twice,
 * is a 400 naming the field; a fingerprint that does not match fails only the item that carries it.
 */
@ApplicationScoped
class ImportCertificates {

    /** Parsed certificates by their item's path, and the reason an item's export contradicts itself. */
    record Parsed(Map<String, ParsedCertificate> byPath, Map<String, String> fingerprintMismatchByPath) {

        List<ParsedCertificate> of(List<CertificateItem> items) {
            return items.stream().map(item -> byPath.get(item.path())).toList();
        }

        /** The first mismatch among the items, as the reason their owner is INVALID. */
        Optional<String> mismatchIn(List<CertificateItem> items) {
            return items.stream().map(item -> fingerprintMismatchByPath.get(item.path()))
                    .filter(reason -> reason != null).findFirst();
        }
    }

    private final Credentials credentials;

    ImportCertificates(Credentials credentials) {
        this.credentials = credentials;
    }

    Uni<Parsed> parse(List<CertificateItem> items, FieldStyle style) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(new Parsed(Map.of(), Map.of()));
        }
        List<Uni<ParsedCertificate>> parsing = new ArrayList<>();
        for (CertificateItem item : items) {
            parsing.add(credentials.parse(item.path() + "." + style.path("certificateData"), item.certificateData()));
        }
        return Uni.join().all(parsing).andFailFast().map(parsed -> {
            Map<String, ParsedCertificate> byPath = new HashMap<>();
            Map<String, String> pathOfFingerprint = new HashMap<>();
            Map<String, String> mismatches = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                CertificateItem item = items.get(i);
                ParsedCertificate certificate = parsed.get(i);
                String earlier = pathOfFingerprint.putIfAbsent(certificate.fingerprint(), item.path());
                if (earlier != null) {
                    throw new InvalidArgument(item.path() + "." + style.path("certificateData")
                            + ": the same certificate as " + earlier + "; a certificate belongs to one resource");
                }
                byPath.put(item.path(), certificate);
                if (!matches(item.fingerprint(), certificate)) {
                    mismatches.put(item.path(), item.path() + ".fingerprint: " + item.fingerprint()
                            + " is not the certificate's (SHA-256 " + certificate.fingerprint() + ", SHA-1 "
                            + certificate.sha1Fingerprint() + ")");
                }
            }
            return new Parsed(byPath, mismatches);
        });
    }

    /** IoT Core lists SHA-1 fingerprints; SHA-256 is ours. Case and ':' separators do not matter. */
    private static boolean matches(String exported, ParsedCertificate certificate) {
        if (exported == null || exported.isBlank()) {
            return true;
        }
        String normalized = exported.toLowerCase().replace(":", "").strip();
        return normalized.equals(certificate.fingerprint()) || normalized.equals(certificate.sha1Fingerprint());
    }
}
