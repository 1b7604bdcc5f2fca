/**
 * What the gateway observes, kept off the publish path: the connection log (buffered, written in batches,
 * purged after its retention), device monitoring data (in memory, written behind), the pacing of the
 * {@code $monitoring} feed (published by {@code tenancy} on a {@link io.iotgate.model.MonitoringUpdate} event) and
 * Prometheus metrics per registry and broker. {@link io.iotgate.observe.GatewayActivity} is the one entry of the
 * MQTT edge and of HTTP publish. Imports {@code store}, {@code model} and {@code config}.
 */
package io.iotgate.observe;
