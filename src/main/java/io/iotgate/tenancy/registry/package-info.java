/**
 * The registry model of IoT Core: which topics a device or its registry may publish and read (the ACL matrix),
 * what topic aliases and {@code $me} names really mean, which topics are permanent, and the alias rules the
 * REST API enforces. {@link io.iotgate.tenancy.registry.RegistryTopicPolicy} is the entry point.
 *
 * <p>Pure Java: imports only the JDK, {@code io.iotgate.routing} and {@code io.iotgate.model}.
 */
package io.iotgate.tenancy.registry;
