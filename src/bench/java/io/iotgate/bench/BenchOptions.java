package io.iotgate.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.*}, see docs/performance.md).
 *
 * @param scenarios   regular expression, found in a scenario's name ({@code fan-in-qos1-max},
 *                    {@code pairs-qos0-rate}, {@code connections}, {@code tls}...) to run it
 * @param duration    measured time of each message scenario
 * @param warmup      unmeasured time before it, for the JIT of both sides
 * @param rate        total delivered messages per second of the fixed-rate scenarios
 * @param rateRepeats runs of each fixed-rate scenario on each target, taken in turns (Mosquitto, gateway,
 *                    gateway, Mosquitto, ...); the table shows them as one
 * @param maxSteal    percent of CPU time the virtual machine's host may take in one second of a fixed-rate run
 *                    (and in the second after it) for the latencies of that second to count
 * @param window      outstanding publishes per publisher in the saturated scenarios
 * @param connections idle connections to open
 * @param tlsClients  clients connecting over TLS at the same time
 * @param tlsWarmup   unmeasured TLS connections before the measured ones with the cached password
 * @param gatewayWarmup unmeasured saturated runs on the gateway before the first measured scenario
 * @param firstLogins devices logging in once each, with a password the gateway has not checked yet
 * @param qos1PacedBySubscribers whether saturated QoS 1 publishers also wait for the subscribers (not only
 *                    for PUBACKs), so that a broker acknowledging before it delivers cannot be driven into
 *                    dropping from full queues
 * @param mosquitto   whether to run Mosquitto as the reference
 * @param mosquittoBinary where Mosquitto is installed
 * @param gatewayJvmOptions extra options of the gateway's JVM, space-separated: to profile it
 *                    ({@code -XX:StartFlightRecording=...}) or try a setting ({@code -XX:+UseZGC})
 */
record BenchOptions(Pattern scenarios, Duration duration, Duration warmup, int rate, int rateRepeats, double maxSteal, int window, int connections,
                    int tlsClients, Duration tlsWarmup, Duration gatewayWarmup, int firstLogins, boolean qos1PacedBySubscribers, boolean mosquitto, String mosquittoBinary,
                    List<String> gatewayJvmOptions) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                Pattern.compile(property("bench.scenarios", ".*")),
                duration(property("bench.duration", "10s")),
                duration(property("bench.warmup", "2s")),
                Integer.parseInt(property("bench.rate", "10000")),
                Math.max(1, Integer.parseInt(property("bench.rate-repeats", "3"))),
                Double.parseDouble(property("bench.max-steal", "2")),
                Integer.parseInt(property("bench.window", "64")),
                Integer.parseInt(property("bench.connections", "10000")),
                Integer.parseInt(property("bench.tls-clients", "64")),
                duration(property("bench.tls-warmup", "60s")),
                duration(property("bench.gateway-warmup", "30s")),
                Integer.parseInt(property("bench.first-logins", "32")),
                Boolean.parseBoolean(property("bench.qos1-paced-by-subscribers", "true")),
                Boolean.parseBoolean(property("bench.mosquitto", "true")),
                property("bench.mosquitto-binary", "/usr/sbin/mosquitto"),
                Arrays.stream(property("bench.gateway-jvm-options", "").split("\\s+")).filter(o -> !o.isEmpty()).toList());
    }

    /** The same options with other warm-up and measured times, e.g. for unmeasured runs. */
    BenchOptions withTimes(Duration newWarmup, Duration newDuration) {
        return new BenchOptions(scenarios, newDuration, newWarmup, rate, rateRepeats, maxSteal, window, connections, tlsClients, tlsWarmup,
                gatewayWarmup, firstLogins, qos1PacedBySubscribers, mosquitto, mosquittoBinary, gatewayJvmOptions);
    }

    boolean runs(String scenarioName) {
        return scenarios.matcher(scenarioName).find();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        // Maven passes an unset profile property through as empty
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** "10s", "500ms", "2m" or an ISO-8601 duration. */
    private static Duration duration(String text) {
        String lower = text.toLowerCase();
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        if (lower.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(lower.substring(0, lower.length() - 1)) * 1000));
        }
        if (lower.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        return Duration.parse(text);
    }
}
