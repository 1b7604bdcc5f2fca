package io.iotgate.bench;

import org.HdrHistogram.Histogram;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What one scenario did on one target. Latencies in microseconds; {@code lost} and {@code duplicated}
 * count deliveries (one message to 8 subscribers is 8 deliveries); {@code brokerCpuPercent} is the broker
 * process's CPU time while the publishers sent, in percent of one core. {@code calm} holds the latencies of
 * the seconds the host did not disturb (fixed-rate runs only); {@code generator} tells how undisturbed the
 * load generator was; {@code runs} holds the single runs a repeated result was made of (else empty).
 */
record ScenarioResult(Scenario scenario, String target, double deliveredPerSecond, double brokerCpuPercent, long p50Micros, long p99Micros,
                      long p999Micros, CalmSeconds calm, long sent, long lost, long duplicated, long disconnects, long publishFailures,
                      String firstDisconnectCause, GeneratorHealth generator, List<ScenarioResult> runs) {

    /**
     * The latencies of the messages sent in the measured seconds in which the host stole at most
     * {@code bench.max-steal} (see {@link StealBySecond}), and how many of how many seconds those were.
     */
    record CalmSeconds(Histogram latencyMicros, int seconds, int ofSeconds) {

        static CalmSeconds none() {
            return new CalmSeconds(newHistogram(), 0, 0);
        }

        /** Whether at least half of the run's measured seconds were calm. */
        boolean mostly() {
            return ofSeconds > 0 && 2 * seconds >= ofSeconds;
        }

        long percentile(double p) {
            return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(p);
        }
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
    }

    /**
     * Several fixed-rate runs of one scenario on one target as one. Latency percentiles come from the calm
     * seconds of all runs together (if none was calm, from the least disturbed run as a whole, and its steal
     * shows it); rates, CPU and steal are the medians of the runs; every count is summed over all runs, so
     * that a message lost in any run is reported.
     */
    static ScenarioResult combined(List<ScenarioResult> all) {
        Histogram calmLatency = newHistogram();
        int calmSeconds = 0;
        int measuredSeconds = 0;
        for (ScenarioResult run : all) {
            calmLatency.add(run.calm().latencyMicros());
            calmSeconds += run.calm().seconds();
            measuredSeconds += run.calm().ofSeconds();
        }
        var calm = new CalmSeconds(calmLatency, calmSeconds, measuredSeconds);
        ScenarioResult leastStolen = all.stream().min(Comparator.comparingDouble(r -> r.generator().stealPercent())).orElseThrow();
        boolean anyCalm = calmLatency.getTotalCount() > 0;
        ScenarioResult first = all.get(0);
        String cause = all.stream().map(ScenarioResult::firstDisconnectCause).filter(c -> c != null).findFirst().orElse(null);
        var generator = new GeneratorHealth(sum(all, r -> r.generator().gcCollections()),
                sum(all, r -> r.generator().gcMillis()), Math.round(median(all, r -> r.generator().lateP99Micros())),
                anyCalm ? median(all, r -> r.generator().stealPercent()) : leastStolen.generator().stealPercent());
        return new ScenarioResult(first.scenario(), first.target(), median(all, ScenarioResult::deliveredPerSecond),
                median(all, ScenarioResult::brokerCpuPercent),
                anyCalm ? calm.percentile(50) : leastStolen.p50Micros(),
                anyCalm ? calm.percentile(99) : leastStolen.p99Micros(),
                anyCalm ? calm.percentile(99.9) : leastStolen.p999Micros(), calm,
                sum(all, ScenarioResult::sent), sum(all, ScenarioResult::lost), sum(all, ScenarioResult::duplicated),
                sum(all, ScenarioResult::disconnects), sum(all, ScenarioResult::publishFailures), cause, generator,
                List.copyOf(all));
    }

    /** The middle run's figure (of an even number of runs, the upper of the two middle ones). */
    private static double median(List<ScenarioResult> runs, ToDoubleFunction<ScenarioResult> figure) {
        return runs.stream().mapToDouble(figure).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
    }

    private static long sum(List<ScenarioResult> runs, ToLongFunction<ScenarioResult> figure) {
        return runs.stream().mapToLong(figure).sum();
    }
}
