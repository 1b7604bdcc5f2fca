/**
 * Reactive PostgreSQL repositories, one per aggregate: the only package with SQL. Every method takes the
 * {@link io.vertx.mutiny.sqlclient.SqlClient} to run on, so a use case can put several in one transaction.
 * Schema migrations live in {@code src/main/resources/db/migration}. Imports only {@code model} and {@code config}.
 */
package io.iotgate.store;
