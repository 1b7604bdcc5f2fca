package io.iotgate.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Turns user-supplied PEM ({@code certificateData} in the API) or a TLS client's certificate into a
 * {@link ParsedCertificate}. Parsing does CPU work: callers on the event loop hand it to a worker.
 */
public final class CertificateParser {

    private static final String NOT_A_CERTIFICATE = "certificateData is not a PEM-encoded X.509 certificate";
    private static final String CERTIFICATE_TYPE = "CERTIFICATE";
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private final Clock clock;

    public CertificateParser(Clock clock) {
        this.clock = clock;
    }

    /** Exactly one certificate, valid now; anything else is an {@link InvalidCertificateException}. */
    public ParsedCertificate parsePem(String pem) {
        ParsedCertificate parsed = fromCertificate(decode(onlyCertificateBlock(pem)));
        checkValidity(parsed);
        return parsed;
    }

    /** No validity check: a TLS client's certificate is judged by the handshake and the caller. */
    public ParsedCertificate fromCertificate(X509Certificate certificate) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new InvalidCertificateException("certificate cannot be DER-encoded");
        }
        return new ParsedCertificate(
                certificate,
                hex("SHA-256", der),
                hex("SHA-1", der),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                "-----BEGIN CERTIFICATE-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    }

    /** X.509 validity is inclusive at both ends (RFC 5280, 4.1.2.5). */
    public void checkValidity(ParsedCertificate certificate) {
        Instant now = clock.instant();
        if (now.isAfter(certificate.notAfter())) {
            throw new InvalidCertificateException("certificate expired at " + certificate.notAfter());
        }
        if (now.isBefore(certificate.notBefore())) {
            throw new InvalidCertificateException("certificate is not valid before " + certificate.notBefore());
        }
    }

    private static byte[] onlyCertificateBlock(String pem) {
        List<PemObject> blocks = pemBlocks(pem);
        // Say so plainly when someone pastes their key: they should learn it must stay secret.
        if (blocks.stream().anyMatch(block -> block.getType().endsWith("PRIVATE KEY"))) {
            throw new InvalidCertificateException(
                    "certificateData holds a private key; send only the certificate and keep the key secret");
        }
        if (blocks.isEmpty() || blocks.stream().anyMatch(block -> !CERTIFICATE_TYPE.equals(block.getType()))) {
            throw new InvalidCertificateException(NOT_A_CERTIFICATE);
        }
        if (blocks.size() > 1) {
            throw new InvalidCertificateException("certificateData holds more than one certificate");
        }
        return blocks.get(0).getContent();
    }

    private static List<PemObject> pemBlocks(String pem) {
        if (pem == null) {
            throw new InvalidCertificateException(NOT_A_CERTIFICATE);
        }
        // Pasted PEM arrives with CRLF, indentation and trailing blanks; PemReader wants clean lines.
        String cleaned = pem.lines().map(String::strip).collect(Collectors.joining("\n"));
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(cleaned))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | DecoderException e) {
            throw new InvalidCertificateException(NOT_A_CERTIFICATE);
        }
        return blocks;
    }

    private static X509Certificate decode(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new InvalidCertificateException(NOT_A_CERTIFICATE);
        }
    }

    private static String hex(String digestAlgorithm, byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(digestAlgorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + digestAlgorithm, e);
        }
    }
}
