package io.iotgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark (docs/performance.md): starts the packaged gateway and Mosquitto, provisions the gateway,
 * runs the message scenarios on every target, then the connection scenarios, prints one table, and
 * stops what it started.
 */
public final class BenchMain {

    private static final Path OUTPUT = Path.of("target/bench");
    /** Further runs of a fixed-rate scenario on a target when the host disturbed more than half of its seconds. */
    private static final int STEAL_RETRIES = 2;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        var report = new StringBuilder();
        report.append("Machine: ").append(MachineInfo.describe()).append('\n');
        report.append("Options: ").append(options).append('\n');
        System.out.print(report);
        try (var processes = new StartedProcesses()) {
            GatewayProcess gateway = processes.add(GatewayProcess.start(OUTPUT.resolve("gateway.log"), options.gatewayJvmOptions()));
            var api = new GatewayApi(gateway.httpPort(), gateway.adminKey());
            Fixture fixture = new Provisioning(api).provision(options.firstLogins());
            List<Target> targets = new ArrayList<>();
            if (options.mosquitto()) {
                MosquittoProcess mosquitto = processes.add(
                        MosquittoProcess.start(options.mosquittoBinary(), OUTPUT.resolve("mosquitto.log")));
                targets.add(new Target.BrokerModel(ResultTable.MOSQUITTO, mosquitto.port(), mosquitto.pid(), Login.ANONYMOUS));
            }
            targets.add(new Target.BrokerModel("iotgate broker", gateway.tcpPort(), gateway.pid(), fixture.broker()));
            targets.add(new Target.RegistryModel("iotgate registry", gateway.tcpPort(), gateway.pid(), fixture.registry(), fixture.devices()));

            warmUpGateway(options, targets);
            List<ScenarioResult> results = runScenarios(options, targets);
            if (!results.isEmpty()) {
                report.append('\n').append(ResultTable.render(results));
                String runs = ResultTable.renderRuns(results);
                if (!runs.isEmpty()) {
                    report.append(String.format(java.util.Locale.ROOT, "%nThe single runs of the fixed-rate rows (the table's"
                            + " latencies are those of all their seconds with at most %.1f%% steal together):%n", options.maxSteal()))
                            .append(runs);
                }
                results.stream().filter(r -> r.disconnects() > 0 || r.publishFailures() > 0).forEach(r ->
                        report.append(String.format("%s on %s: %d unexpected disconnects, %d failed publishes; first: %s%n",
                                r.scenario().name(), r.target(), r.disconnects(), r.publishFailures(), r.firstDisconnectCause())));
                if (results.stream().anyMatch(r -> r.lost() > 0)) {
                    // the gateway counts what it drops from full session queues: the first suspect of a loss
                    api.metric("iotgate_messages_dropped_total").forEach(line -> report.append("Gateway metric: ").append(line).append('\n'));
                }
                if (results.stream().anyMatch(r -> r.disconnects() > 0)) {
                    report.append(gatewayDisconnectReasons(api, fixture));
                }
            }
            report.append('\n').append(connectionScenarios(options, gateway, fixture));
            System.out.print(report);
        }
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("results.md"), report);
        System.out.println("\nwritten to " + OUTPUT.resolve("results.md"));
    }

    /** Runs {@code tls} before {@code connections}: thousands of idle clients leave the gateway busier. */
    private static String connectionScenarios(BenchOptions options, GatewayProcess gateway, Fixture fixture) throws Exception {
        var lines = new StringBuilder();
        if (options.runs("tls")) {
            try (var tls = new TlsConnectBench(gateway.tlsPort(), gateway.pid(), gateway.caCertificate(), options.tlsClients())) {
                lines.append(ConnectionReport.tls(tls.firstTimePasswords(fixture.unusedDevices())));
                System.out.print(lines);
                String cached = ConnectionReport.tls(tls.cachedPassword(fixture.broker(), options.tlsWarmup(), options.duration()));
                System.out.print(cached);
                lines.append(cached);
            }
        }
        if (options.runs("connections")) {
            String idle = ConnectionReport.idle(new IdleConnectionBench(gateway, fixture.broker()).run(options.connections()));
            System.out.print(idle);
            lines.append(idle);
        }
        return lines.toString();
    }

    /** The gateway's own account of why it ended connections, from its connection log. */
    private static String gatewayDisconnectReasons(GatewayApi api, Fixture fixture) throws Exception {
        Thread.sleep(2_000); // the connection log is written in batches, every second by default
        return "Gateway connection log, DISCONNECTED by reason: broker "
                + api.disconnectReasons("/iot-broker/v1/brokers/" + fixture.broker().username() + "/connectionLog", 20_000)
                + ", registry "
                + api.disconnectReasons("/iot-devices/v1/registries/" + fixture.registry().username() + "/connectionLog", 20_000)
                + "\n";
    }

    /**
     * Runs the selected scenarios on the gateway's targets, unmeasured, before the first measured one: its JIT
     * compiles the message path during the first tens of seconds (perf: 45% of its CPU in C1/C2 then), while
     * Mosquitto is compiled ahead. Without it the first gateway row measured the compiler. The fixed-rate
     * scenarios are in it for the load generator's sake: its first fixed-rate run, uncompiled, sent up to
     * 300 ms late and so measured itself, whichever broker it ran against.
     */
    private static void warmUpGateway(BenchOptions options, List<Target> targets) throws Exception {
        List<Scenario> selected = Scenario.all().stream().filter(scenario -> options.runs(scenario.name())).toList();
        List<Target> gateway = targets.stream().filter(target -> !target.name().equals(ResultTable.MOSQUITTO)).toList();
        if (options.gatewayWarmup().isZero() || selected.isEmpty()) {
            return;
        }
        var each = options.gatewayWarmup().dividedBy((long) selected.size() * gateway.size());
        var run = new ScenarioRun(options.withTimes(java.time.Duration.ZERO, each));
        System.out.printf("Warming the gateway up for %s%n", options.gatewayWarmup());
        for (Scenario scenario : selected) {
            for (Target target : gateway) {
                run.run(scenario, target);
            }
        }
    }

    /**
     * Every selected scenario on every target. Fixed-rate scenarios run {@code bench.rate-repeats} times, the
     * targets taking turns, and count as one: on two shared cores one run's p99 moves several-fold with
     * whatever else the machine did in it, for Mosquitto as much as for the gateway. The machine is a virtual
     * one whose host took between 0.1% and 40% of its CPU time from one run to the next, in bursts, and p99
     * followed that steal; so latency is taken from the seconds with at most {@code bench.max-steal} steal, of
     * all runs together, and a run of which less than half the seconds were calm is run again (twice at most).
     */
    private static List<ScenarioResult> runScenarios(BenchOptions options, List<Target> targets) throws Exception {
        var run = new ScenarioRun(options);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : Scenario.all()) {
            if (!options.runs(scenario.name())) {
                continue;
            }
            int repeats = scenario.saturated() ? 1 : options.rateRepeats();
            Map<Target, List<ScenarioResult>> runs = new LinkedHashMap<>();
            for (int repeat = 0; repeat < repeats; repeat++) {
                for (Target target : turn(targets, repeat)) {
                    int attempts = 0;
                    ScenarioResult result;
                    do {
                        result = run.run(scenario, target);
                        print(result);
                        runs.computeIfAbsent(target, t -> new ArrayList<>()).add(result);
                    } while (!scenario.saturated() && !result.calm().mostly() && ++attempts <= STEAL_RETRIES);
                }
            }
            for (Target target : targets) {
                List<ScenarioResult> ofTarget = runs.get(target);
                results.add(scenario.saturated() ? ofTarget.get(0) : ScenarioResult.combined(ofTarget));
            }
        }
        return results;
    }

    private static void print(ScenarioResult result) {
        String calm = result.scenario().saturated() ? "" : String.format(java.util.Locale.ROOT,
                "  calm %d/%d s p99 %.2f ms", result.calm().seconds(), result.calm().ofSeconds(), result.calm().percentile(99) / 1000.0);
        System.out.printf("%-18s %-16s %,10.0f msgs/s  cpu %3.0f%%  p50 %.2f ms  p99 %.2f ms%s  sent %d  lost %d  dup %d  disc %d  generator: %s%n",
                result.scenario().name(), result.target(), result.deliveredPerSecond(), result.brokerCpuPercent(),
                result.p50Micros() / 1000.0, result.p99Micros() / 1000.0, calm, result.sent(), result.lost(),
                result.duplicated(), result.disconnects(), result.generator().describe());
    }

    /** Every other round in reverse order, so that no target always runs right after the same one. */
    private static List<Target> turn(List<Target> targets, int round) {
        if (round % 2 == 0) {
            return targets;
        }
        List<Target> reversed = new ArrayList<>(targets);
        java.util.Collections.reverse(reversed);
        return reversed;
    }
}
