package io.iotgate.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What one scenario did on one target. Latencies in microseconds; {@code lost} and {@code duplicated}
 * count deliveries (one message to 8 subscribers is 8 deliveries). {@code generator} tells how undisturbed
 * the load generator was; {@code runs} holds the single runs a repeated result was made of (else empty).
 */
record ScenarioResult(Scenario scenario, String target, double deliveredPerSecond, long p50Micros, long p99Micros,
                      long p999Micros, long sent, long lost, long duplicated, long disconnects, long publishFailures,
                      String firstDisconnectCause, GeneratorHealth generator, List<ScenarioResult> runs) {

    /**
     * Several runs of one scenario on one target as one: the median of each rate and percentile (one run
     * disturbed by the machine moves it no more than one undisturbed run does), and the sums of every count,
     * so that a message lost in any run is reported.
     */
    static ScenarioResult medianOf(List<ScenarioResult> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        ScenarioResult first = runs.get(0);
        String cause = runs.stream().map(ScenarioResult::firstDisconnectCause).filter(c -> c != null).findFirst().orElse(null);
        var generator = new GeneratorHealth(sum(runs, r -> r.generator().gcCollections()),
                sum(runs, r -> r.generator().gcMillis()), median(runs, r -> r.generator().lateP99Micros()),
                runs.stream().mapToDouble(r -> r.generator().stealPercent()).average().orElse(0));
        double delivered = runs.stream().map(ScenarioResult::deliveredPerSecond).sorted()
                .skip(runs.size() / 2).findFirst().orElseThrow();
        return new ScenarioResult(first.scenario(), first.target(), delivered, median(runs, ScenarioResult::p50Micros),
                median(runs, ScenarioResult::p99Micros), median(runs, ScenarioResult::p999Micros),
                sum(runs, ScenarioResult::sent), sum(runs, ScenarioResult::lost), sum(runs, ScenarioResult::duplicated),
                sum(runs, ScenarioResult::disconnects), sum(runs, ScenarioResult::publishFailures), cause, generator,
                List.copyOf(runs));
    }

    private static long median(List<ScenarioResult> runs, ToLongFunction<ScenarioResult> figure) {
        return runs.stream().sorted(Comparator.comparingLong(figure)).skip(runs.size() / 2).findFirst()
                .map(figure::applyAsLong).orElseThrow();
    }

    private static long sum(List<ScenarioResult> runs, ToLongFunction<ScenarioResult> figure) {
        return runs.stream().mapToLong(figure).sum();
    }
}
