package io.iotgate.bench;

/**
 * What one scenario did on one target. Latencies in microseconds; {@code lost} and {@code duplicated}
 * count deliveries (one message to 8 subscribers is 8 deliveries).
 */
record ScenarioResult(Scenario scenario, String target, double deliveredPerSecond, long p50Micros, long p99Micros,
                      long p999Micros, long sent, long lost, long duplicated, long disconnects, long publishFailures,
                      String firstDisconnectCause) {}
