package io.iotgate.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of message results: per scenario and target the delivered rate, the broker's CPU (percent of
 * one core), the host's steal (fixed rate: the median of the runs) and how many of the measured seconds it left
 * calm, latency percentiles (fixed rate: of the calm seconds), lost and duplicated deliveries, and the
 * gateway's throughput as a share of Mosquitto's.
 */
final class ResultTable {

    static final String MOSQUITTO = "mosquitto";

    private ResultTable() {
    }

    static String render(List<ScenarioResult> results) {
        var table = new StringBuilder();
        String format = "| %-18s | %-16s | %12s | %5s | %7s | %7s | %8s | %8s | %8s | %8s | %6s | %5s | %8s |%n";
        table.append(String.format(Locale.ROOT, format, "scenario", "broker", "delivered/s", "cpu %", "steal %", "calm s",
                "p50 ms", "p99 ms", "p99.9 ms", "lost", "dup", "disc", "ratio"));
        table.append(String.format(Locale.ROOT, format, "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:",
                "---:", "---:", "---:", "---:"));
        for (ScenarioResult result : results) {
            table.append(String.format(Locale.ROOT, format, result.scenario().name(), result.target(),
                    String.format(Locale.ROOT, "%,.0f", result.deliveredPerSecond()),
                    String.format(Locale.ROOT, "%.0f", result.brokerCpuPercent()),
                    String.format(Locale.ROOT, "%.1f", result.generator().stealPercent()),
                    result.scenario().saturated() ? "" : result.calm().seconds() + "/" + result.calm().ofSeconds(),
                    millis(result.p50Micros()), millis(result.p99Micros()), millis(result.p999Micros()),
                    result.lost(), result.duplicated(), result.disconnects(), ratio(result, results)));
        }
        return table.toString();
    }

    /**
     * For each fixed-rate row, its single runs: p99 of all seconds and of the calm ones, how many seconds were
     * calm, how undisturbed the load generator was (its own GC, how late its pacer sent), and the CPU time the
     * virtual machine's host took (steal), so that a run the machine disturbed can be told from a slow broker.
     */
    static String renderRuns(List<ScenarioResult> results) {
        var lines = new StringBuilder();
        for (ScenarioResult result : results) {
            if (result.runs().isEmpty()) {
                continue;
            }
            lines.append(String.format(Locale.ROOT, "%-18s %-16s p99 per run %s ms, of its calm seconds %s ms; calm seconds %s of %d each;"
                            + " generator GC %s (%s ms), pacer late p99 %s ms; steal %s %%%n",
                    result.scenario().name(), result.target(),
                    each(result.runs(), r -> millis(r.p99Micros())),
                    each(result.runs(), r -> r.calm().seconds() == 0 ? "-" : millis(r.calm().percentile(99))),
                    each(result.runs(), r -> Integer.toString(r.calm().seconds())), result.runs().get(0).calm().ofSeconds(),
                    each(result.runs(), r -> Long.toString(r.generator().gcCollections())),
                    each(result.runs(), r -> Long.toString(r.generator().gcMillis())),
                    each(result.runs(), r -> millis(r.generator().lateP99Micros())),
                    each(result.runs(), r -> String.format(Locale.ROOT, "%.1f", r.generator().stealPercent()))));
        }
        return lines.toString();
    }

    private static String each(List<ScenarioResult> runs, java.util.function.Function<ScenarioResult, String> figure) {
        return String.join(" / ", runs.stream().map(figure).toList());
    }

    /**
     * The figure that matters, over Mosquitto's in the same scenario: delivered rate in saturated runs, p99
     * latency (marked {@code p99}) at the fixed rate, where both deliver the same.
     */
    private static String ratio(ScenarioResult result, List<ScenarioResult> all) {
        if (result.target().equals(MOSQUITTO)) {
            return "";
        }
        Optional<ScenarioResult> reference = all.stream()
                .filter(other -> other.target().equals(MOSQUITTO) && other.scenario().equals(result.scenario()))
                .findFirst();
        if (!result.scenario().saturated()) {
            return reference.filter(r -> r.p99Micros() > 0)
                    .map(r -> String.format(Locale.ROOT, "p99 %.2f", (double) result.p99Micros() / r.p99Micros()))
                    .orElse("-");
        }
        return reference.filter(r -> r.deliveredPerSecond() > 0)
                .map(r -> String.format(Locale.ROOT, "%.2f", result.deliveredPerSecond() / r.deliveredPerSecond()))
                .orElse("-");
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }
}
