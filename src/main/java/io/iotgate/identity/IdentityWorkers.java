package io.iotgate.identity;

import io.iotgate.config.PasswordHashingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * A small named worker pool for password hashing and certificate parsing. Its own pool, not Vert.x's
 * shared one, so a burst of logins queues here instead of starving other blocking work.
 */
@ApplicationScoped
public class IdentityWorkers {

    private final WorkerExecutor executor;

    public IdentityWorkers(Vertx vertx, PasswordHashingConfig config) {
        this.executor = vertx.createSharedWorkerExecutor("iotgate-identity", config.workerThreads());
    }

    /** Runs blocking work on the pool; the result arrives back on the caller's context. */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().completionStage(() ->
                executor.<T>executeBlocking(work::get, false).toCompletionStage());
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
