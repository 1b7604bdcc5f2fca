package io.iotgate.identity;

import io.iotgate.config.PasswordHashingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Hashes and verifies passwords on {@link IdentityWorkers}, never on an event loop. */
@ApplicationScoped
public class PasswordHashing {

    private final PasswordHasher hasher;
    private final IdentityWorkers workers;

    public PasswordHashing(PasswordHashingConfig config, IdentityWorkers workers) {
        this.hasher = new PasswordHasher(config.memoryKib(), config.iterations(), config.parallelism());
        this.workers = workers;
    }

    public Uni<String> hash(String password) {
        return workers.run(() -> hasher.hash(password));
    }

    public Uni<Boolean> verify(String password, String encoded) {
        return workers.run(() -> hasher.verify(password, encoded));
    }
}
