package io.iotgate.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * New connections per second over TLS with a password, many clients at once: each opens a connection
 * (full handshake, no session resumption, like a fleet of distinct devices), logs in, gets its CONNACK
 * and disconnects. Once with one password again and again (the gateway's check cache answers), once
 * with passwords it has never checked (one Argon2id hash each).
 *
 * <p>The clients run on one event loop with BoringSSL (Netty's OpenSSL engine) where it loads: they share
 * the two cores with the gateway, and the JDK's client handshake cost more CPU than the gateway's side.
 */
final class TlsConnectBench implements AutoCloseable {

    /**
     * @param gatewayCpuPercent the gateway process's CPU time during the run, in percent of one core
     * @param stealPercent      CPU time the virtual machine's host took during the run (see {@link CpuTicks})
     */
    record Result(String kind, int connections, int failures, double perSecond, long p50Micros, long p99Micros,
                  double gatewayCpuPercent, double stealPercent, String firstFailure) {}

    private final int port;
    private final long gatewayPid;
    private final int clients;
    private final SslContext ssl;
    private final EventLoopGroup loop = new NioEventLoopGroup(1);

    TlsConnectBench(int port, long gatewayPid, Path caCertificate, int clients) throws IOException {
        this.port = port;
        this.gatewayPid = gatewayPid;
        this.clients = clients;
        this.ssl = SslContextBuilder.forClient()
                .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                .trustManager(caCertificate.toFile())
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    /**
     * The same broker password for every connection, for {@code duration}, after {@code warmup} unmeasured:
     * the gateway's JIT spends most of the first seconds compiling the connect path.
     */
    Result cachedPassword(Login broker, java.time.Duration warmup, java.time.Duration duration) throws Exception {
        connectFor("TLS warm-up", broker, warmup);
        return connectFor("TLS + cached password", broker, duration);
    }

    private Result connectFor(String kind, Login broker, java.time.Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        return measure(kind, () -> System.nanoTime() < deadline
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

    /** Keeps {@code clients} connections under way at once until the attempts run out. */
    private Result measure(String kind, Supplier<Attempt> attempts) throws InterruptedException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore underWay = new Semaphore(clients);
        long[] ticksAtStart = CpuTicks.now();
        var gatewayCpu = new CpuShare(gatewayPid);
        long start = System.nanoTime();
        for (Attempt attempt = attempts.get(); attempt != null; attempt = attempts.get()) {
            underWay.acquire();
            long began = System.nanoTime();
            Attempt current = attempt;
            connectOnce(attempt).whenComplete((done, failure) -> {
                if (failure == null) {
                    long micros = (System.nanoTime() - began) / 1000;
                    synchronized (latency) {
                        latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                    }
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, current.clientId() + ": " + failure);
                }
                underWay.release();
            });
        }
        underWay.acquire(clients); // the last ones
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(kind, (int) succeeded.get(), failed.get(), succeeded.get() / seconds,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), gatewayCpu.percentOfOneCore(),
                CpuTicks.stealPercent(ticksAtStart, CpuTicks.now()), firstFailure.get());
    }

    /** TCP, a full TLS handshake (a handler without peer host and port resumes no session), CONNECT, CONNACK. */
    private CompletableFuture<Void> connectOnce(Attempt attempt) {
        var done = new CompletableFuture<Void>();
        byte[] connect = MqttPackets.connect(attempt.clientId(), attempt.login());
        new Bootstrap().group(loop).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(ssl.newHandler(channel.alloc()), new ConnackReader(connect, done));
            }
        }).connect("127.0.0.1", port).addListener(connected -> {
            if (!connected.isSuccess()) {
                done.completeExceptionally(connected.cause());
            }
        });
        return done.orTimeout(60, TimeUnit.SECONDS);
    }

    /** Sends CONNECT once the handshake is done, and completes on the CONNACK. */
    private static final class ConnackReader extends ChannelInboundHandlerAdapter {

        private final byte[] connect;
        private final CompletableFuture<Void> done;
        private final ByteBuf received = Unpooled.buffer(4);

        ConnackReader(byte[] connect, CompletableFuture<Void> done) {
            this.connect = connect;
            this.done = done;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(connect));
                } else {
                    fail(ctx, handshake.cause());
                }
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            received.writeBytes(bytes);
            bytes.release();
            if (received.readableBytes() < 4 || done.isDone()) {
                return;
            }
            int code = received.getUnsignedByte(3);
            if (received.getUnsignedByte(0) != 0x20) {
                fail(ctx, new IOException("expected CONNACK, got packet type " + (received.getUnsignedByte(0) >> 4)));
            } else if (code != 0) {
                fail(ctx, new IOException("CONNACK return code " + code));
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(MqttPackets.DISCONNECT)).addListener(f -> ctx.close());
                done.complete(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx, cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            done.completeExceptionally(new IOException("closed before CONNACK"));
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
            ctx.close();
        }
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
