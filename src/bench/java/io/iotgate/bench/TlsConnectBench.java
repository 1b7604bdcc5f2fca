package io.iotgate.bench;

import org.HdrHistogram.Histogram;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * New connections per second over TLS with a password, many clients at once: each opens a connection
 * (full handshake, no session resumption, like a fleet of distinct devices), logs in, gets its CONNACK
 * and disconnects. Once with one password again and again (the gateway's check cache answers), once
 * with passwords it has never checked (one Argon2id hash each).
 */
final class TlsConnectBench {

    record Result(String kind, int connections, int failures, double perSecond, long p50Micros, long p99Micros,
                  String firstFailure) {}

    private final int port;
    private final TrustManager[] trust;
    private final int clients;

    TlsConnectBench(int port, Path caCertificate, int clients) throws IOException, GeneralSecurityException {
        this.port = port;
        this.trust = trustOnly(caCertificate);
        this.clients = clients;
    }

    /** The same broker password for every connection, for {@code duration}. */
    Result cachedPassword(Login broker, java.time.Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        return measure("TLS + cached password", () -> System.nanoTime() < deadline
                ? new Attempt("tls-" + next.getAndIncrement(), broker) : null);
    }

    /** Each device's password once: none of them was checked before. */
    Result firstTimePasswords(List<Login> devices) throws Exception {
        var waiting = new ConcurrentLinkedQueue<>(devices);
        return measure("TLS + first password", () -> {
            Login device = waiting.poll();
            return device == null ? null : new Attempt("first-" + device.username(), device);
        });
    }

    private record Attempt(String clientId, Login login) {}

    private Result measure(String kind, java.util.function.Supplier<Attempt> attempts) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                Attempt attempt;
                while ((attempt = attempts.get()) != null) {
                    long began = System.nanoTime();
                    try {
                        connectOnce(attempt);
                        long micros = (System.nanoTime() - began) / 1000;
                        synchronized (latency) {
                            latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                        }
                        succeeded.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, attempt.clientId() + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(kind, (int) succeeded.get(), failed.get(), succeeded.get() / seconds,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), firstFailure.get());
    }

    private void connectOnce(Attempt attempt) throws IOException, GeneralSecurityException {
        // a context per connection: no TLS session of an earlier connection can be resumed
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.startHandshake();
            socket.getOutputStream().write(MqttPackets.connect(attempt.clientId(), attempt.login()));
            int code = MqttPackets.readConnack(socket.getInputStream());
            if (code != 0) {
                throw new IOException("CONNACK return code " + code);
            }
            socket.getOutputStream().write(MqttPackets.DISCONNECT);
        }
    }

    /** Trusts exactly the CA the gateway generated into its data directory. */
    private static TrustManager[] trustOnly(Path caCertificate) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("iotgate-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }
}
