package io.iotgate.bench;

import java.util.Locale;

/** The connection scenarios' lines under the message table. */
final class ConnectionReport {

    private ConnectionReport() {
    }

    /** What a projection is drawn to: the connection count the performance issue asks for. */
    private static final int PROJECTED_CONNECTIONS = 50_000;

    static String idle(IdleConnectionBench.Result r) {
        String steps = String.join(", ", r.steps().stream()
                .map(step -> String.format(Locale.ROOT, "%,d at %,d", step.rssKib(), step.connections())).toList());
        return String.format(Locale.ROOT,
                "Idle connections (TCP, password, keep-alive 60 s): %,d of %,d connected (%,d answered a final PINGREQ),"
                        + " %,.0f connects/s; gateway VmRSS %,d KiB before, %,d KiB after: %,d bytes per connection;"
                        + " gateway open-file limit %s%s%n"
                        + "  VmRSS KiB by connections: %s; projected to %,d connections: %,d MiB%n",
                r.connected(), r.wanted(), r.aliveAtEnd(), r.connectsPerSecond(), r.rssBeforeKib(), r.rssAfterKib(),
                r.bytesPerConnection(), r.gatewayFileLimit(),
                r.firstFailure() == null ? "" : "; stopped by: " + r.firstFailure(),
                steps, PROJECTED_CONNECTIONS, r.projectedKib(PROJECTED_CONNECTIONS) / 1024);
    }

    static String tls(TlsConnectBench.Result r) {
        return String.format(Locale.ROOT,
                "%s: %,.1f connections/s (%,d connected, %d failed), connect-to-CONNACK p50 %.1f ms, p99 %.1f ms;"
                        + " gateway cpu %.0f%%, steal %.1f%%%s%n",
                r.kind(), r.perSecond(), r.connections(), r.failures(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
                r.gatewayCpuPercent(), r.stealPercent(),
                r.firstFailure() == null ? "" : "; first failure: " + r.firstFailure());
    }
}
