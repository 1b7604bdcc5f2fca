/**
 * The command line: {@code import} reads IoT Core exports ({@code yc ... --format json} files or a directory
 * of them), nests devices and certificates under their owners and sends them to a running service's
 * {@code :import} endpoint over HTTP, so that the API is the one import code path. Starts neither Quarkus nor
 * a database. Imports no iotgate package but {@code model} and {@code config}; nothing imports it but
 * {@code boot}, which dispatches to it.
 */
package io.iotgate.cli;
