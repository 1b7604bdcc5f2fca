package io.iotgate.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scenario on one target: subscribers first, then publishers for warm-up plus the measured
 * duration, then waits for what is still on its way and counts every message.
 */
final class ScenarioRun {

    private static final long SETTLE_MILLIS = 30_000;
    private static final long DRAIN_STALL_NANOS = 2_000_000_000L;
    private static final long DRAIN_MAX_NANOS = 30_000_000_000L;

    private final BenchOptions options;
    private int runs;

    ScenarioRun(BenchOptions options) {
        this.options = options;
    }

    ScenarioResult run(Scenario scenario, Target target) throws Exception {
        // fresh topics and client IDs per run: nothing of an earlier run can arrive or be taken over
        String runId = "r" + (++runs) + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Topology topology = target.topology(scenario.shape(), runId);
        int publishers = topology.publishers().size();
        DeliveryLedger ledger = new DeliveryLedger();
        AtomicLong publishFailures = new AtomicLong();
        // the garbage of earlier runs is collected now, not in this one's measured window
        System.gc();
        var gcAtStart = GeneratorHealth.Mark.now();
        try (var clients = new BenchClients("127.0.0.1", target.port())) {
            List<SubscriberLog> logs = subscribe(scenario, topology, clients, ledger);
            long start = System.nanoTime();
            long measuredFrom = start + options.warmup().toNanos();
            long deadline = measuredFrom + options.duration().toNanos();
            // fixed rate: latency is read second by second, next to the host's steal in each
            int seconds = scenario.saturated() ? 0 : (int) Math.ceil(options.duration().toMillis() / 1000.0);
            logs.forEach(log -> log.measureBetween(measuredFrom, deadline, seconds));
            var steal = seconds == 0 ? null : new StealBySecond(measuredFrom, seconds);
            List<PublisherLoop> loops = publishers(scenario, topology, clients, ledger, deadline, publishFailures);
            // saturated: a thread per publisher, each as fast as it may; fixed rate: one pacer for all
            List<Runnable> senders = scenario.saturated() ? List.copyOf(loops) : List.of(new RatePacer(loops));
            var brokerCpu = new CpuShare(target.pid());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < senders.size(); i++) {
                Thread thread = new Thread(senders.get(i), "publisher-" + i);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double brokerCpuPercent = brokerCpu.percentOfOneCore();
            for (PublisherLoop loop : loops) {
                loop.awaitSettled(SETTLE_MILLIS);
            }
            drain(ledger);
            long lateP99 = senders.get(0) instanceof RatePacer pacer ? pacer.lateness().getValueAtPercentile(99) : 0;
            var calm = steal == null ? ScenarioResult.CalmSeconds.none() : calmSeconds(logs, steal, seconds);
            return result(scenario, target, logs, loops, clients, publishFailures.get(), gcAtStart.since(lateP99),
                    brokerCpuPercent, calm);
        }
    }

    private List<SubscriberLog> subscribe(Scenario scenario, Topology topology, BenchClients clients,
                                          DeliveryLedger ledger) throws Exception {
        List<SubscriberLog> logs = new ArrayList<>();
        for (Topology.Subscriber subscriber : topology.subscribers()) {
            var log = new SubscriberLog(subscriber.hears(), topology.publishers().size(), ledger);
            Mqtt3AsyncClient client = clients.connect(subscriber.clientId(), subscriber.login());
            var granted = client.subscribeWith().topicFilter(subscriber.filter()).qos(MqttQos.fromCode(scenario.qos()))
                    .callback(publish -> log.record(publish.getPayload().orElse(java.nio.ByteBuffer.allocate(0))))
                    .send().get(30, TimeUnit.SECONDS);
            if (granted.getReturnCodes().stream().anyMatch(code -> code.isError())) {
                throw new IllegalStateException(subscriber.clientId() + " was refused " + subscriber.filter());
            }
            logs.add(log);
        }
        return logs;
    }

    private List<PublisherLoop> publishers(Scenario scenario, Topology topology, BenchClients clients,
                                           DeliveryLedger ledger, long deadline, AtomicLong failures) throws Exception {
        int totalCopies = 0;
        for (int i = 0; i < topology.publishers().size(); i++) {
            totalCopies += topology.copiesOf(i);
        }
        PublisherLoop.Pace pace = scenario.saturated()
                ? new PublisherLoop.Pace.Saturated((long) options.window() * totalCopies, options.qos1PacedBySubscribers())
                // every publisher at the same rate, so that all deliveries together make the total rate
                : new PublisherLoop.Pace.FixedRate(1_000_000_000L * totalCopies / options.rate());
        List<PublisherLoop> loops = new ArrayList<>();
        for (int i = 0; i < topology.publishers().size(); i++) {
            Topology.Publisher publisher = topology.publishers().get(i);
            Mqtt3AsyncClient client = clients.connect(publisher.clientId(), publisher.login());
            loops.add(new PublisherLoop(client, i, publisher.topic(), scenario.qos(), topology.copiesOf(i), pace,
                    ledger, options.window(), deadline, failures));
        }
        return loops;
    }

    private ScenarioResult.CalmSeconds calmSeconds(List<SubscriberLog> logs, StealBySecond steal, int seconds)
            throws InterruptedException {
        boolean[] calm = new boolean[seconds];
        int calmCount = 0;
        for (int k = 0; k < seconds; k++) {
            calm[k] = steal.calm(k, options.maxSteal());
            calmCount += calm[k] ? 1 : 0;
        }
        var latency = ScenarioResult.newHistogram();
        logs.forEach(log -> log.addLatenciesTo(latency, k -> calm[k]));
        return new ScenarioResult.CalmSeconds(latency, calmCount, seconds);
    }

    /** Until every copy arrived, or nothing arrived for a while (the rest is lost). */
    private static void drain(DeliveryLedger ledger) throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long lastReceived = ledger.receivedCopies();
        while (ledger.receivedCopies() < ledger.sentCopies()) {
            long now = System.nanoTime();
            if (now - lastProgress > DRAIN_STALL_NANOS || now - start > DRAIN_MAX_NANOS) {
                return;
            }
            Thread.sleep(10);
            long received = ledger.receivedCopies();
            if (received != lastReceived) {
                lastReceived = received;
                lastProgress = System.nanoTime();
            }
        }
    }

    private ScenarioResult result(Scenario scenario, Target target, List<SubscriberLog> logs, List<PublisherLoop> loops,
                                  BenchClients clients, long publishFailures, GeneratorHealth generator,
                                  double brokerCpuPercent, ScenarioResult.CalmSeconds calm) {
        BitSet[] accepted = new BitSet[loops.size()];
        long totalSent = 0;
        for (int i = 0; i < loops.size(); i++) {
            accepted[i] = loops.get(i).accepted();
            totalSent += loops.get(i).sent();
        }
        Histogram latency = ScenarioResult.newHistogram();
        long measured = 0;
        long lost = 0;
        long duplicated = 0;
        for (SubscriberLog log : logs) {
            log.addLatenciesTo(latency);
            measured += log.measured();
            lost += log.lost(accepted);
            duplicated += log.duplicates();
        }
        double seconds = options.duration().toNanos() / 1e9;
        return new ScenarioResult(scenario, target.name(), measured / seconds, brokerCpuPercent,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
                calm, totalSent, lost, duplicated, clients.unexpectedDisconnects(), publishFailures,
                clients.firstDisconnectCause(), generator,
                List.of());
    }
}
