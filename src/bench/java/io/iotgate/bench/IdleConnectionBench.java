package io.iotgate.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N idle authenticated broker clients (password, keep-alive 60 s) over plain TCP, and the gateway's
 * resident memory before, after each quarter and at the end: what one more connected client costs, and
 * whether that cost stays the same as connections grow (where the open-file limit stops a run short of the
 * wanted number, the steps say how far a straight line may be drawn). Clients come from 127.0.0.2,
 * 127.0.0.3, ... so that one source address never runs out of ephemeral ports.
 */
final class IdleConnectionBench {

    private static final int CLIENTS_PER_SOURCE_ADDRESS = 20_000;
    private static final int CONNECTING_THREADS = 16;
    /** After this many failures in a row the limit is reached (ports, files, memory): stop trying. */
    private static final int FAILURES_IN_A_ROW_TO_STOP = 50;
    /** Memory is read after each of these shares of the wanted connections. */
    private static final int STEPS = 4;

    /** The gateway's resident memory with {@code connections} clients connected. */
    record Step(int connections, long rssKib) {}

    record Result(int wanted, int connected, int aliveAtEnd, double connectsPerSecond, long rssBeforeKib,
                  List<Step> steps, String gatewayFileLimit, String firstFailure) {

        long rssAfterKib() {
            return steps.isEmpty() ? rssBeforeKib : steps.get(steps.size() - 1).rssKib();
        }

        long bytesPerConnection() {
            return connected == 0 ? 0 : (rssAfterKib() - rssBeforeKib) * 1024 / connected;
        }

        /**
         * Resident memory projected to {@code connections}, at the steeper of two slopes: the average cost since
         * before the first connection, and the growth from the first step to the last (the JVM's heap sizing
         * makes either one the larger, depending on where a step falls).
         */
        long projectedKib(int connections) {
            double kibPerConnection = bytesPerConnection() / 1024.0;
            if (steps.size() >= 2) {
                Step first = steps.get(0);
                Step last = steps.get(steps.size() - 1);
                kibPerConnection = Math.max(kibPerConnection,
                        (double) (last.rssKib() - first.rssKib()) / (last.connections() - first.connections()));
            }
            return rssAfterKib() + Math.round(kibPerConnection * (connections - connected));
        }
    }

    private final GatewayProcess gateway;
    private final Login broker;

    IdleConnectionBench(GatewayProcess gateway, Login broker) {
        this.gateway = gateway;
        this.broker = broker;
    }

    Result run(int wanted) throws Exception {
        gateway.collectGarbage();
        Thread.sleep(1_000);
        long before = gateway.residentKib();
        List<Step> steps = new ArrayList<>();
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>(wanted));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failuresInARow = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long connectingNanos = 0;
        // clients keep their 60 s keep-alive promise while the others connect: PINGREQ every 30 s
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> pingAll(sockets), 30, 30, TimeUnit.SECONDS);
        try {
            for (int step = 1; step <= STEPS && failuresInARow.get() < FAILURES_IN_A_ROW_TO_STOP; step++) {
                int upTo = (int) ((long) wanted * step / STEPS);
                long start = System.nanoTime();
                ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING_THREADS);
                for (int t = 0; t < CONNECTING_THREADS; t++) {
                    connecting.submit(() -> {
                        int index;
                        while ((index = next.getAndIncrement()) < upTo
                                && failuresInARow.get() < FAILURES_IN_A_ROW_TO_STOP) {
                            try {
                                sockets.add(connect(index));
                                failuresInARow.set(0);
                            } catch (IOException e) {
                                failuresInARow.incrementAndGet();
                                firstFailure.compareAndSet(null, "client " + index + ": " + e);
                            }
                        }
                    });
                }
                connecting.shutdown();
                connecting.awaitTermination(1, TimeUnit.HOURS);
                connectingNanos += System.nanoTime() - start;
                next.set(upTo);
                Thread.sleep(2_000); // let the gateway's connection log and monitoring catch up
                gateway.collectGarbage();
                Thread.sleep(1_000);
                steps.add(new Step(sockets.size(), gateway.residentKib()));
            }
            int connected = sockets.size();
            int alive = countAlive(sockets);
            return new Result(wanted, connected, alive, connected / (connectingNanos / 1e9), before, steps,
                    gateway.openFileLimit(), firstFailure.get());
        } finally {
            pinger.shutdownNow();
            closeAll(sockets);
        }
    }

    private Socket connect(int index) throws IOException {
        var socket = new Socket();
        try {
            InetAddress source = InetAddress.getByAddress(new byte[] {127, 0,
                    (byte) (index / CLIENTS_PER_SOURCE_ADDRESS / 254), (byte) (2 + index / CLIENTS_PER_SOURCE_ADDRESS % 254)});
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.tcpPort()), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(MqttPackets.connect("idle-" + index, broker));
            int code = MqttPackets.readConnack(socket.getInputStream());
            if (code != 0) {
                throw new IOException("CONNACK return code " + code);
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A connection is alive when a PINGREQ gets its PINGRESP (after whatever earlier ones left unread). */
    private static int countAlive(List<Socket> sockets) {
        pingAll(sockets);
        int alive = 0;
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.setSoTimeout(5_000);
                    var in = socket.getInputStream();
                    in.skip(Math.max(0, in.available() - 2));
                    if (in.read() == 0xD0) {
                        alive++;
                    }
                } catch (IOException gone) {
                    // counted as not alive
                }
            }
        }
        return alive;
    }

    private static void pingAll(List<Socket> sockets) {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.getOutputStream().write(MqttPackets.PINGREQ);
                } catch (IOException gone) {
                    // countAlive reports it
                }
            }
        }
    }

    private static void closeAll(List<Socket> sockets) {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.getOutputStream().write(MqttPackets.DISCONNECT);
                    socket.close();
                } catch (IOException alreadyGone) {
                    // nothing left to close
                }
            }
        }
    }
}
