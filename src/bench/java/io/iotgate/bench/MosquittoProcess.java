package io.iotgate.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Mosquitto, the reference broker: loopback only, anonymous, queues deep enough for every scenario. */
final class MosquittoProcess implements AutoCloseable {

    private final Process process;
    private final Path workDir;
    private final int port;

    private MosquittoProcess(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    /** Messages one client's queue may hold, here and in the gateway (iotgate.sessions.max-queued). */
    static final int MAX_QUEUED_MESSAGES = 1_000_000;

    static MosquittoProcess start(String binary, Path log) throws IOException {
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is missing: apt-get install mosquitto, or run with -Dbench.mosquitto=false");
        }
        int port = FreePort.pick();
        Path workDir = Files.createTempDirectory("mosquitto-bench-");
        Path config = workDir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "set_tcp_nodelay true",
                // no message of a scenario may be dropped for lack of room: the benchmark counts losses
                "max_queued_messages " + MAX_QUEUED_MESSAGES,
                "max_queued_bytes 0",
                // as many unacknowledged deliveries per client as the gateway's default inflight window
                "max_inflight_messages 32",
                "persistence false",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                ""));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(binary, "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var mosquitto = new MosquittoProcess(process, workDir, port);
        mosquitto.awaitListening(Duration.ofSeconds(10), log);
        return mosquitto;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    private void awaitListening(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + log);
            }
            try (var ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("mosquitto did not listen within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        TemporaryDirectory.delete(workDir);
    }
}
