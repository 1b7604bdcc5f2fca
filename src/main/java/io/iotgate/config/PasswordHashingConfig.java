package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Argon2id cost of stored passwords. The defaults are OWASP's recommended minimum for Argon2id
 * (19 MiB, 2 passes, 1 lane). Existing hashes keep verifying after a change: each hash records its own cost.
 */
@ConfigMapping(prefix = "iotgate.password-hashing")
public interface PasswordHashingConfig {

    /** Memory per hash in KiB. */
    @WithDefault("19456")
    int memoryKib();

    /** Passes over the memory. */
    @WithDefault("2")
    int iterations();

    /** Lanes computed per hash. */
    @WithDefault("1")
    int parallelism();

    /** Threads of the worker pool that hashes and verifies, so the event loops never do. */
    @WithDefault("2")
    int workerThreads();
}
