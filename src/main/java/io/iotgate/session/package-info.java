/**
 * Sessions of connected clients: who holds which client ID in which namespace, so a second connection
 * with the same client ID takes the first one over, inside its namespace only.
 * Imports {@code routing}, {@code store}, {@code model} and {@code config}.
 */
package io.iotgate.session;
