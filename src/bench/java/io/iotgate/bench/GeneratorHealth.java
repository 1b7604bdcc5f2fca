package io.iotgate.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How undisturbed the load generator was during one run: its own garbage collections (a pause delays the
 * receiving threads, and so every latency measured in it), how late its fixed-rate pacer woke (late means
 * the generator, not the broker, ran short of CPU), and the share of CPU time the virtual machine's host
 * took away (steal). Latency figures of a run with long generator delays or much steal say more about the
 * machine than about the broker.
 *
 * @param gcCollections collections of the generator's JVM during the run
 * @param gcMillis      their accumulated time (for G1's young collections: the pause)
 * @param lateP99Micros 99th percentile of how late the fixed-rate pacer woke (0 when saturated)
 * @param stealPercent  CPU time stolen by the host, in percent of all CPU time of the run (Linux only)
 */
record GeneratorHealth(long gcCollections, long gcMillis, long lateP99Micros, double stealPercent) {

    /** The counters at the start of a run, to subtract from those at its end. */
    record Mark(long collections, long gcMillis, long[] cpuTicks) {

        static Mark now() {
            long collections = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                collections += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new Mark(collections, millis, CpuTicks.now());
        }

        GeneratorHealth since(long lateP99Micros) {
            Mark end = now();
            return new GeneratorHealth(end.collections - collections, end.gcMillis - gcMillis, lateP99Micros,
                    CpuTicks.stealPercent(cpuTicks, end.cpuTicks));
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "GC %d (%d ms), pacer late p99 %.2f ms, steal %.1f%%", gcCollections, gcMillis,
                lateP99Micros / 1000.0, stealPercent);
    }
}
