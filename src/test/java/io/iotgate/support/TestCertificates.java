package io.iotgate.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for tests: EC P-256 keys, SHA256withECDSA signatures, everything in
 * memory. Uses only the JDK's providers, so tests see the same crypto as production.
 */
public final class TestCertificates {

    /** A certificate with its private key, also as PEM (the key as unencrypted PKCS#8). */
    public record Issued(X509Certificate certificate, PrivateKey privateKey, String pem, String privateKeyPem) {
    }

    private static final Duration BACKDATE = Duration.ofHours(1); // tolerate clock skew between test parts
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A self-signed end-entity certificate valid from an hour ago for a year, as a device would use. */
    public static Issued selfSigned(String commonName) {
        Instant now = Instant.now();
        return selfSigned(commonName, now.minus(BACKDATE), now.plus(LIFETIME));
    }

    /** A self-signed end-entity certificate with chosen validity, for expired and not-yet-valid cases. */
    public static Issued selfSigned(String commonName, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = name(commonName);
            X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), notBefore, notAfter);
            endEntityExtensions(builder, keys.getPublic());
            return sign(builder, keys.getPrivate(), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test certificate", e);
        }
    }

    /** A self-signed CA that can issue certificates with {@link #issuedBy}. */
    public static Issued certificateAuthority(String commonName) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = name(commonName);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder =
                    builder(subject, subject, keys.getPublic(), now.minus(BACKDATE), now.plus(LIFETIME));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate(), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test CA", e);
        }
    }

    /**
     * An end-entity certificate signed by {@code ca}, usable for both TLS server and client auth.
     * The DNS names and IP addresses become SubjectAlternativeNames, which hostname checks read.
     */
    public static Issued issuedBy(Issued ca, String commonName, List<String> dnsNames, List<String> ipAddresses) {
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder =
                    builder(issuer, name(commonName), keys.getPublic(), now.minus(BACKDATE), now.plus(LIFETIME));
            endEntityExtensions(builder, keys.getPublic());
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return sign(builder, ca.privateKey(), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue test certificate", e);
        }
    }

    /**
     * A PKCS#12 key store with the identity's key under alias {@code identity}, its certificate first and
     * then any issuers, as a TLS server or client presents them.
     */
    public static KeyStore keyStore(Issued identity, char[] password, X509Certificate... issuers) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            Certificate[] chain = new Certificate[issuers.length + 1];
            chain[0] = identity.certificate();
            System.arraycopy(issuers, 0, chain, 1, issuers.length);
            store.setKeyEntry("identity", identity.privateKey(), password, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build test key store", e);
        }
    }

    /** A PKCS#12 trust store holding the given certificates as trusted entries. */
    public static KeyStore trustStore(X509Certificate... certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                store.setCertificateEntry("trusted-" + i, certificates[i]);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build test trust store", e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        // The builder escapes commas and the like, which "CN=" + commonName would not.
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey publicKey, Instant notBefore, Instant notAfter) {
        BigInteger serial = new BigInteger(127, RANDOM); // positive, unique enough across a test run
        return new JcaX509v3CertificateBuilder(
                issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, publicKey);
    }

    private static void endEntityExtensions(X509v3CertificateBuilder builder, PublicKey publicKey)
            throws IOException, GeneralSecurityException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
    }

    private static Issued sign(X509v3CertificateBuilder builder, PrivateKey signingKey, PrivateKey subjectKey)
            throws GeneralSecurityException, OperatorCreationException {
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        return new Issued(certificate, subjectKey,
                pem("CERTIFICATE", certificate.getEncoded()), pem("PRIVATE KEY", subjectKey.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
