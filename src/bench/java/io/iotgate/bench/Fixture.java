package io.iotgate.bench;

import java.util.List;

/**
 * What the benchmark provisioned in the gateway: a broker, a registry with its devices, and devices
 * whose passwords no client has used yet (for first-time logins).
 */
record Fixture(Login broker, Login registry, List<Login> devices, List<Login> unusedDevices) {}
