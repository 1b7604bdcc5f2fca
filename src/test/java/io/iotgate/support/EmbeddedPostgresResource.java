package io.iotgate.support;

import io.iotgate.boot.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The running service of the tests: a fresh embedded PostgreSQL in a new data directory (so the first-run
 * administrator is created for real), and OIDC switched on with a public key whose private half signs the
 * tests' tokens.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** System properties through which tests find what this resource made. */
    public static final String DATA_DIR_PROPERTY = "iotgate.test.data-dir";
    public static final String OIDC_PRIVATE_KEY_PROPERTY = "iotgate.test.oidc-private-key";
    public static final String OIDC_ISSUER = "https://issuer.iotgate.test";

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory(Path.of("target"), "test-data-").toAbsolutePath();
            database = EmbeddedDatabase.start(dataDir, 0);
            KeyPair oidcKeys = rsaKeyPair();
            System.setProperty(DATA_DIR_PROPERTY, dataDir.toString());
            System.setProperty(OIDC_PRIVATE_KEY_PROPERTY,
                    Base64.getEncoder().encodeToString(oidcKeys.getPrivate().getEncoded()));
            Map<String, String> config = new HashMap<>(database.datasourceProperties());
            config.put("iotgate.storage.data-dir", dataDir.toString());
            config.put("quarkus.oidc.tenant-enabled", "true");
            config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(oidcKeys.getPublic().getEncoded()));
            config.put("quarkus.oidc.token.issuer", OIDC_ISSUER);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
