/**
 * Control-plane use cases shared by the REST API and, later, HTTP publish: folders and API keys, registries,
 * devices, brokers, certificates, passwords, operations, the connection log and the import of IoT Core
 * exports; folder role checks; the closed set of {@link io.iotgate.control.ControlFailure}s. No JAX-RS
 * types. Imports {@code store}, {@code identity} (credential rules), {@code tenancy} and {@code observe} (live
 * monitoring data of the FULL device view), and fires {@link io.iotgate.model.Change} events after commits.
 */
package io.iotgate.control;
