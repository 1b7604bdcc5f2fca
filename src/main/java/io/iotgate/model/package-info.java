/**
 * Plain values shared by every layer: resources of the control plane (folders, registries, devices,
 * brokers, credentials, operations), namespaces of the data plane and the {@link io.iotgate.model.Change}
 * events the control plane fires. Imports nothing of iotgate.
 */
package io.iotgate.model;
