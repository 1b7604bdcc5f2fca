package io.iotgate.identity;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The quick start's TLS material: a self-signed CA and a server certificate it issued, written once into
 * {@code <data-dir>/tls/} and reused on every later start, so clients keep trusting {@code ca.pem}.
 */
public final class GeneratedTlsMaterial {

    /** Where the files are; {@code ca.pem} is the one clients trust. */
    public record Files(Path caCertificate, Path serverCertificate, Path serverKey) {}

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(825);

    private GeneratedTlsMaterial() {
    }

    public static Files ensure(Path dataDir, List<String> extraNames) {
        Path dir = dataDir.resolve("tls");
        var files = new Files(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        if (java.nio.file.Files.exists(files.serverCertificate()) && java.nio.file.Files.exists(files.serverKey())) {
            return files;
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=iotgate local CA");
            X509CertificateHolder ca = sign(caName, caName, caKeys, caKeys, CA_LIFETIME, true, List.of());
            KeyPair serverKeys = ecKeys();
            List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
            names.addAll(extraNames);
            X509CertificateHolder server = sign(caName, new X500Name("CN=" + names.get(0)), serverKeys, caKeys,
                    SERVER_LIFETIME, false, names);
            java.nio.file.Files.writeString(files.caCertificate(), pem(ca));
            java.nio.file.Files.writeString(files.serverCertificate(), pem(server) + pem(ca));
            writeSecret(files.serverKey(), pem(serverKeys.getPrivate()));
            writeSecret(dir.resolve("ca-key.pem"), pem(caKeys.getPrivate()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS material to " + dir, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot generate TLS material", e);
        }
    }

    private static X509CertificateHolder sign(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
                                              Duration lifetime, boolean ca, List<String> names)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(lifetime)), subject, subjectKeys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            GeneralName[] alternatives = names.stream()
                    .map(name -> name.matches("[0-9.]+|.*:.*") ? new GeneralName(GeneralName.iPAddress, name)
                            : new GeneralName(GeneralName.dNSName, name))
                    .toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return builder.build(signer);
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value instanceof java.security.PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : value);
        }
        return out.toString();
    }

    private static void writeSecret(Path file, String content) throws IOException {
        java.nio.file.Files.deleteIfExists(file);
        java.nio.file.Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        java.nio.file.Files.writeString(file, content);
    }
}
