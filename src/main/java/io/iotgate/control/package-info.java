/**
 * Control-plane use cases of the REST API: folders and API keys, registries, devices, brokers, certificates,
 * passwords, operations, the connection log, HTTP publish ({@link io.iotgate.control.PublishService}) and the
 * import of IoT Core exports ({@link io.iotgate.control.ImportService}); folder role checks; the closed set of
 * {@link io.iotgate.control.ControlFailure}s. No JAX-RS types. Imports {@code store}, {@code identity}
 * (credential rules), {@code tenancy} (topic rules; for HTTP publish also the way into a namespace) and
 * {@code observe} (live monitoring data of the FULL device view; HTTP publish counts its messages there), and
 * fires {@link io.iotgate.model.Change} events after commits.
 */
package io.iotgate.control;
