package io.iotgate.bench;

import java.time.Duration;

/** A process's CPU time from now on, as a share of one core: what a broker spent on a run's messages. */
final class CpuShare {

    private final ProcessHandle process;
    private final long startNanos = System.nanoTime();
    private final Duration cpuAtStart;

    CpuShare(long pid) {
        this.process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        this.cpuAtStart = cpu();
    }

    double percentOfOneCore() {
        long wallNanos = System.nanoTime() - startNanos;
        return wallNanos <= 0 ? 0 : 100.0 * cpu().minus(cpuAtStart).toNanos() / wallNanos;
    }

    private Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
