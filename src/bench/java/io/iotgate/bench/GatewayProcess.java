package io.iotgate.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway (target/quarkus-app/quarkus-run.jar) in its own process, with a temporary data
 * directory (embedded PostgreSQL, generated TLS CA), plain TCP and TLS on free ports. Started behind
 * bash so that {@code ulimit -n} can raise its open-file limit before the JVM starts.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int OPEN_FILES_WANTED = 200_000;

    private final Process process;
    private final Path dataDir;
    private final int httpPort;
    private final int tcpPort;
    private final int tlsPort;

    private GatewayProcess(Process process, Path dataDir, int httpPort, int tcpPort, int tlsPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
    }

    static GatewayProcess start(Path log, List<String> jvmOptions) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the benchmark after the package phase");
        }
        Path dataDir = Files.createTempDirectory("iotgate-bench-");
        int http = FreePort.pick();
        int tcp = FreePort.pick();
        int tls = FreePort.pick();
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "ulimit -n " + OPEN_FILES_WANTED + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"", "gateway",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Diotgate.storage.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + http,
                "-Diotgate.mqtt.tcp.enabled=true", "-Diotgate.mqtt.tcp.port=" + tcp,
                "-Diotgate.mqtt.tls.enabled=true", "-Diotgate.mqtt.tls.port=" + tls,
                "-Diotgate.mqtt.websocket.enabled=false",
                // the queue bound Mosquitto gets in the same run (max_queued_messages), so both are held to one rule
                "-Diotgate.sessions.max-queued=" + MosquittoProcess.MAX_QUEUED_MESSAGES,
                "-jar", JAR.toString()));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var gateway = new GatewayProcess(process, dataDir, http, tcp, tls);
        try {
            gateway.awaitReady(Duration.ofSeconds(120), log);
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    int httpPort() {
        return httpPort;
    }

    int tcpPort() {
        return tcpPort;
    }

    int tlsPort() {
        return tlsPort;
    }

    long pid() {
        return process.pid();
    }

    Path caCertificate() {
        return dataDir.resolve("tls/ca.pem");
    }

    String adminKey() throws IOException {
        return Files.readString(dataDir.resolve("admin-api-key")).trim();
    }

    /** VmRSS of the gateway JVM: what the process really holds in memory, heap or not. */
    long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid() + "/status");
    }

    /** The soft open-file limit the gateway got, which caps its connections. */
    String openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "limits"))) {
            if (line.startsWith("Max open files")) {
                return line.split("\\s{2,}")[1].trim();
            }
        }
        return "unknown";
    }

    /** A full GC in the gateway (jcmd), so resident memory before and after compares live data, not garbage. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient http = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            if (ready(http)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the gateway was not ready within " + timeout + "; see " + log);
    }

    private boolean ready(HttpClient http) {
        try (var ignored = new Socket("127.0.0.1", tcpPort)) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready")).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, so the gateway stops its embedded PostgreSQL; then the data directory goes. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        TemporaryDirectory.delete(dataDir);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
