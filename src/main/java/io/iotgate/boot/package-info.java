/**
 * Start-up: the embedded PostgreSQL when no external database is configured, the first run's
 * administrator key; {@code IotgateMain} also hands the {@code import} command to {@code cli}.
 * May import anything, at start-up only; nothing imports it.
 */
package io.iotgate.boot;
