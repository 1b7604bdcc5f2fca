/**
 * Message routing inside one namespace: validated topic names and filters, shared subscriptions,
 * the subscription trie (distinct subscribers, maximum QoS), retained messages, and the
 * {@link io.iotgate.routing.RoutingTable} that keeps one trie per namespace so nothing crosses tenants.
 *
 * <p>Pure Java: imports only the JDK and {@code io.iotgate.model}; no Vert.x, Quarkus or Netty.
 * Everything here is thread-safe for readers on several event loops at once.
 */
package io.iotgate.routing;
