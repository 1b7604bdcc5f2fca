/**
 * One {@code @ConfigMapping} interface per area; every property has a documented default.
 * Imports nothing of iotgate but {@code model}; open to every package.
 */
package io.iotgate.config;
