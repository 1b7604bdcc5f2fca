package io.iotgate.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What one scenario did on one target. Latencies in microseconds; {@code lost} and {@code duplicated}
 * count deliveries (one message to 8 subscribers is 8 deliveries); {@code brokerCpuPercent} is the broker
 * process's CPU time while the publishers sent, in percent of one core. {@code generator} tells how undisturbed
 * the load generator was; {@code runs} holds the single runs a repeated result was made of (else empty).
 */
record ScenarioResult(Scenario scenario, String target, double deliveredPerSecond, double brokerCpuPercent, long p50Micros, long p99Micros,
                      long p999Micros, long sent, long lost, long duplicated, long disconnects, long publishFailures,
                      String firstDisconnectCause, GeneratorHealth generator, List<ScenarioResult> runs) {

    /**
     * Several runs of one scenario on one target as one: the median of each rate and percentile over the runs
     * whose host stole at most {@code maxStealPercent} of the CPU (if none did, the least disturbed run alone,
     * and its steal shows it), and the sums of every count over all runs, so that a message lost in any run is
     * reported.
     */
    static ScenarioResult medianOf(List<ScenarioResult> all, double maxStealPercent) {
        if (all.size() == 1) {
            return all.get(0);
        }
        List<ScenarioResult> calm = all.stream().filter(r -> r.generator().stealPercent() <= maxStealPercent).toList();
        List<ScenarioResult> runs = calm.isEmpty()
                ? List.of(all.stream().min(Comparator.comparingDouble(r -> r.generator().stealPercent())).orElseThrow())
                : calm;
        ScenarioResult first = all.get(0);
        String cause = all.stream().map(ScenarioResult::firstDisconnectCause).filter(c -> c != null).findFirst().orElse(null);
        var generator = new GeneratorHealth(sum(all, r -> r.generator().gcCollections()),
                sum(all, r -> r.generator().gcMillis()), medianMicros(runs, r -> r.generator().lateP99Micros()),
                runs.stream().mapToDouble(r -> r.generator().stealPercent()).max().orElse(0));
        return new ScenarioResult(first.scenario(), first.target(), median(runs, ScenarioResult::deliveredPerSecond),
                median(runs, ScenarioResult::brokerCpuPercent), medianMicros(runs, ScenarioResult::p50Micros),
                medianMicros(runs, ScenarioResult::p99Micros), medianMicros(runs, ScenarioResult::p999Micros),
                sum(all, ScenarioResult::sent), sum(all, ScenarioResult::lost), sum(all, ScenarioResult::duplicated),
                sum(all, ScenarioResult::disconnects), sum(all, ScenarioResult::publishFailures), cause, generator,
                List.copyOf(all));
    }

    /** The middle run's figure (of an even number of runs, the upper of the two middle ones). */
    private static long medianMicros(List<ScenarioResult> runs, ToLongFunction<ScenarioResult> figure) {
        return Math.round(median(runs, r -> (double) figure.applyAsLong(r)));
    }

    private static double median(List<ScenarioResult> runs, ToDoubleFunction<ScenarioResult> figure) {
        return runs.stream().mapToDouble(figure).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
    }

    private static long sum(List<ScenarioResult> runs, ToLongFunction<ScenarioResult> figure) {
        return runs.stream().mapToLong(figure).sum();
    }
}
