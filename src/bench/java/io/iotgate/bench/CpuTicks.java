package io.iotgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine's CPU time so far, from the "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal. */
final class CpuTicks {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final int STEAL = 7;

    private CpuTicks() {
    }

    /** Empty off Linux, where no steal is known. */
    static long[] now() {
        try {
            String line = Files.readAllLines(PROC_STAT).get(0);
            return Arrays.stream(line.trim().split("\\s+")).skip(1).limit(STEAL + 1).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException notLinux) {
            return new long[0];
        }
    }

    /** The host's share of all CPU time between two readings, in percent; 0 when unknown. */
    static double stealPercent(long[] start, long[] end) {
        if (start.length <= STEAL || end.length <= STEAL) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i <= STEAL; i++) {
            total += end[i] - start[i];
        }
        return total == 0 ? 0 : 100.0 * (end[STEAL] - start[STEAL]) / total;
    }
}
