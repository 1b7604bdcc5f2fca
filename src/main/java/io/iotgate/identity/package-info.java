/**
 * Who a client is: password hashing and policy, certificate parsing and fingerprints, and the worker pool
 * that keeps this CPU-heavy work off the event loops. Imports {@code store}, {@code model} and {@code config}.
 */
package io.iotgate.identity;
