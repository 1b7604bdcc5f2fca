package io.iotgate.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a user runs it: its own
 * process, its embedded PostgreSQL in a data directory, stopped with SIGTERM. For tests that need what
 * only a real process has, such as a restart.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final int httpPort;
    private final int tcpPort;
    private final Path dataDir;

    private ServiceProcess(Process process, int httpPort, int tcpPort, Path dataDir) {
        this.process = process;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.dataDir = dataDir;
    }

    /** Starts the service on free ports with plain TCP MQTT on, and waits until it is ready. */
    public static ServiceProcess start(Path dataDir) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after the package phase");
        }
        try {
            int http = freePort();
            int tcp = freePort();
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Diotgate.storage.data-dir=" + dataDir,
                    "-Dquarkus.http.port=" + http,
                    "-Diotgate.mqtt.tcp.enabled=true", "-Diotgate.mqtt.tcp.port=" + tcp,
                    "-Diotgate.mqtt.tls.port=0", "-Diotgate.mqtt.websocket.port=0",
                    "-jar", JAR.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()))
                    .start();
            var service = new ServiceProcess(process, http, tcp, dataDir);
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int tcpPort() {
        return tcpPort;
    }

    public String adminKey() {
        try {
            return Files.readString(dataDir.resolve("admin-api-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to this process, held to openapi.yaml like every other API call of the tests. */
    public RequestSpecification api(String apiKey) {
        return Api.as(apiKey).port(httpPort);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("service.log"));
            }
            if (ready()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the service was not ready within " + timeout);
    }

    private boolean ready() {
        try (var ignored = new Socket("127.0.0.1", tcpPort)) {
            return RestAssured.given().port(httpPort).get("/q/health/ready").statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** SIGTERM, as systemd or Ctrl-C would: the service stores what it holds and stops its database. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
