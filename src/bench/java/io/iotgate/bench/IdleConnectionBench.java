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
 * resident memory before and after: what one more connected client costs. Clients come from
 * 127.0.0.2, 127.0.0.3, ... so that one source address never runs out of ephemeral ports.
 */
final class IdleConnectionBench {

    private static final int CLIENTS_PER_SOURCE_ADDRESS = 20_000;
    private static final int CONNECTING_THREADS = 16;
    /** After this many failures in a row the limit is reached (ports, files, memory): stop trying. */
    private static final int FAILURES_IN_A_ROW_TO_STOP = 50;

    record Result(int wanted, int connected, int aliveAtEnd, double connectsPerSecond, long rssBeforeKib,
                  long rssAfterKib, String gatewayFileLimit, String firstFailure) {

        long bytesPerConnection() {
            return connected == 0 ? 0 : (rssAfterKib - rssBeforeKib) * 1024 / connected;
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
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>(wanted));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failuresInARow = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING_THREADS);
        // clients keep their 60 s keep-alive promise while the others connect: PINGREQ every 30 s
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> pingAll(sockets), 30, 30, TimeUnit.SECONDS);
        try {
            for (int t = 0; t < CONNECTING_THREADS; t++) {
                connecting.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < wanted
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
            double seconds = (System.nanoTime() - start) / 1e9;
            int connected = sockets.size();
            Thread.sleep(2_000); // let the gateway's connection log and monitoring catch up
            gateway.collectGarbage();
            Thread.sleep(1_000);
            long after = gateway.residentKib();
            int alive = countAlive(sockets);
            return new Result(wanted, connected, alive, connected / seconds, before, after,
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
