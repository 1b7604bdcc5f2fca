package io.iotgate.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.iotgate.support.TestCertificates;
import io.iotgate.support.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateParserTest {

    private static final String NOT_A_CERTIFICATE = "certificateData is not a PEM-encoded X.509 certificate";
    private static final Issued DEVICE = TestCertificates.selfSigned("device-1");
    private static final CertificateParser PARSER = new CertificateParser(Clock.systemUTC());

    @Test
    void fingerprintsAreHexDigestsOfTheDerEncoding() throws Exception {
        ParsedCertificate parsed = PARSER.parsePem(DEVICE.pem());

        byte[] der = DEVICE.certificate().getEncoded();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)), parsed.fingerprint());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der)),
                parsed.sha1Fingerprint());
        assertTrue(parsed.fingerprint().matches("[0-9a-f]{64}"), parsed.fingerprint());
        assertEquals(DEVICE.certificate(), parsed.certificate());
        assertEquals(DEVICE.certificate().getNotBefore().toInstant(), parsed.notBefore());
        assertEquals(DEVICE.certificate().getNotAfter().toInstant(), parsed.notAfter());
    }

    @Test
    void normalizesPemToSixtyFourCharacterLines() {
        String pem = PARSER.parsePem(DEVICE.pem()).pem();

        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END CERTIFICATE-----\n"), pem);
        String[] body = pem.lines().filter(line -> !line.startsWith("-----")).toArray(String[]::new);
        for (int i = 0; i < body.length - 1; i++) {
            assertEquals(64, body[i].length(), "line " + i);
        }
        assertTrue(body[body.length - 1].length() <= 64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastedVariants")
    void toleratesHowPeoplePastePem(String why, UnaryOperator<String> paste) {
        ParsedCertificate parsed = PARSER.parsePem(paste.apply(DEVICE.pem()));

        ParsedCertificate clean = PARSER.fromCertificate(DEVICE.certificate());
        assertEquals(clean.fingerprint(), parsed.fingerprint());
        assertEquals(clean.pem(), parsed.pem());
    }

    static Stream<Arguments> pastedVariants() {
        return Stream.of(
                Arguments.of("as issued", paste(pem -> pem)),
                Arguments.of("CRLF line ends", paste(pem -> pem.replace("\n", "\r\n"))),
                Arguments.of("no final newline", paste(String::strip)),
                Arguments.of("surrounding blank lines", paste(pem -> "\n\n  " + pem + "\n\n")),
                Arguments.of("indented lines", paste(pem -> pem.replaceAll("(?m)^", "    "))),
                Arguments.of("trailing spaces", paste(pem -> pem.replace("\n", "  \t\n"))),
                Arguments.of("Base64 on one line", paste(CertificateParserTest::unwrapped)),
                Arguments.of("text before and after (openssl x509 -text)",
                        paste(pem -> "Certificate:\n    Subject: CN=device-1\n" + pem + "trailing notes\n")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "   \r\n  ",
            "-----BEGIN CERTIFICATE-----\n!!!! not base64 !!!!\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
            "-----BEGIN PUBLIC KEY-----\naGVsbG8gd29ybGQ=\n-----END PUBLIC KEY-----\n",
    })
    void rejectsWhatIsNotACertificate(String pem) {
        assertRejected(NOT_A_CERTIFICATE, pem);
    }

    @Test
    void rejectsATruncatedCertificate() {
        String pem = DEVICE.pem();
        assertRejected(NOT_A_CERTIFICATE, pem.substring(0, pem.indexOf("-----END")));
        assertRejected(NOT_A_CERTIFICATE, pem.replaceFirst("(?m)^.{64}\n", ""));
    }

    @Test
    void rejectsABareDerInBase64() {
        assertRejected(NOT_A_CERTIFICATE, unwrapped(DEVICE.pem()).lines().skip(1).findFirst().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeyPastes")
    void rejectsPrivateKeysSayingSo(String why, String pem) {
        assertRejected("certificateData holds a private key; send only the certificate and keep the key secret", pem);
    }

    static Stream<Arguments> privateKeyPastes() {
        return Stream.of(
                Arguments.of("the key alone", DEVICE.privateKeyPem()),
                Arguments.of("certificate then key", DEVICE.pem() + DEVICE.privateKeyPem()),
                Arguments.of("key then certificate", DEVICE.privateKeyPem() + DEVICE.pem()));
    }

    @Test
    void rejectsMoreThanOneCertificate() {
        Issued other = TestCertificates.selfSigned("device-2");
        assertRejected("certificateData holds more than one certificate", DEVICE.pem() + other.pem());
        assertRejected("certificateData holds more than one certificate", DEVICE.pem() + DEVICE.pem());
    }

    @ParameterizedTest(name = "now = notBefore {0}s")
    @ValueSource(longs = {0, 1, 3600})
    void acceptsFromNotBeforeInclusive(long secondsAfterNotBefore) {
        Instant notBefore = Instant.parse("2030-01-01T00:00:00Z");
        Issued cert = TestCertificates.selfSigned("device-1", notBefore, notBefore.plus(Duration.ofDays(1)));

        assertDoesNotThrow(() -> parserAt(notBefore.plusSeconds(secondsAfterNotBefore)).parsePem(cert.pem()));
    }

    @Test
    void acceptsUntilNotAfterInclusive() {
        Instant notAfter = Instant.parse("2030-01-02T00:00:00Z");
        Issued cert = TestCertificates.selfSigned("device-1", notAfter.minus(Duration.ofDays(1)), notAfter);

        assertDoesNotThrow(() -> parserAt(notAfter).parsePem(cert.pem()));
    }

    @Test
    void rejectsAnExpiredCertificate() {
        Instant notAfter = Instant.parse("2030-01-02T00:00:00Z");
        Issued cert = TestCertificates.selfSigned("device-1", notAfter.minus(Duration.ofDays(1)), notAfter);

        InvalidCertificateException e = assertThrows(InvalidCertificateException.class,
                () -> parserAt(notAfter.plusSeconds(1)).parsePem(cert.pem()));
        assertEquals("certificate expired at 2030-01-02T00:00:00Z", e.getMessage());
    }

    @Test
    void rejectsACertificateNotYetValid() {
        Instant notBefore = Instant.parse("2030-01-01T00:00:00Z");
        Issued cert = TestCertificates.selfSigned("device-1", notBefore, notBefore.plus(Duration.ofDays(1)));

        InvalidCertificateException e = assertThrows(InvalidCertificateException.class,
                () -> parserAt(notBefore.minusSeconds(1)).parsePem(cert.pem()));
        assertEquals("certificate is not valid before 2030-01-01T00:00:00Z", e.getMessage());
    }

    @Test
    void readsATlsClientsCertificateWithoutJudgingItsValidity() {
        Instant now = Instant.now();
        Issued expired = TestCertificates.selfSigned("device-1", now.minus(Duration.ofDays(10)), now.minusSeconds(60));

        ParsedCertificate parsed = PARSER.fromCertificate(expired.certificate());

        assertEquals(expired.certificate(), parsed.certificate());
        InvalidCertificateException e =
                assertThrows(InvalidCertificateException.class, () -> PARSER.checkValidity(parsed));
        assertTrue(e.getMessage().startsWith("certificate expired at "), e.getMessage());
    }

    @Test
    void parsesCertificatesIssuedByATestCa() {
        Issued ca = TestCertificates.certificateAuthority("test CA");
        Issued server = TestCertificates.issuedBy(ca, "localhost", List.of("localhost"),
                List.of("127.0.0.1", "::1"));

        ParsedCertificate parsed = PARSER.parsePem(server.pem());

        assertEquals(ca.certificate().getSubjectX500Principal(), parsed.certificate().getIssuerX500Principal());
        assertDoesNotThrow(() -> parsed.certificate().verify(ca.certificate().getPublicKey()));
    }

    private static CertificateParser parserAt(Instant now) {
        return new CertificateParser(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertRejected(String message, String pem) {
        InvalidCertificateException e = assertThrows(InvalidCertificateException.class, () -> PARSER.parsePem(pem));
        assertEquals(message, e.getMessage());
    }

    private static String unwrapped(String pem) {
        String base64 = Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(
                pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")));
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }

    // Gives each lambda a readable type in the argument table.
    private static UnaryOperator<String> paste(UnaryOperator<String> transform) {
        return transform;
    }
}
