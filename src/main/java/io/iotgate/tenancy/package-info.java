/**
 * Namespaces and their topic rules: which topics a client may use and what they really mean.
 * {@code registry} holds the IoT Core rules of registries and devices, starting with topic aliases.
 * Imports {@code routing}, {@code session}, {@code store}, {@code model} and {@code config}.
 */
package io.iotgate.tenancy;
