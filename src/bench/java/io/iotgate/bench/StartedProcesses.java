package io.iotgate.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started, stopped in reverse order exactly once: at the end, on a failure, or
 * from a shutdown hook when the run is interrupted (Ctrl-C), so no gateway or Mosquitto outlives it.
 */
final class StartedProcesses implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "bench-cleanup");

    StartedProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized <T extends AutoCloseable> T add(T process) {
        started.push(process);
        return process;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it closed everything already
        }
    }

    private synchronized void closeAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop a benchmark process: " + e);
            }
        }
    }
}
