-- The connection log: what happened to MQTT connections of a registry (and its devices) or a broker.
-- Rows are written in batches by io.iotgate.observe and deleted after iotgate.connection-log.retention.
-- The monitoring data of devices already has its columns on devices (V1).
CREATE TABLE connection_log (
    id                      BIGSERIAL PRIMARY KEY,
    occurred_at             TIMESTAMPTZ NOT NULL,
    event                   VARCHAR(24) NOT NULL,
    folder_id               VARCHAR(20) NOT NULL,
    namespace_kind          VARCHAR(16) NOT NULL,
    namespace_id            VARCHAR(20) NOT NULL,
    client_kind             VARCHAR(16) NOT NULL,
    client_resource_id      VARCHAR(20) NOT NULL,
    mqtt_client_id          VARCHAR(256),
    remote_address          VARCHAR(64),
    protocol_version        VARCHAR(8),
    password_id             VARCHAR(20),
    certificate_fingerprint CHAR(64),
    topic                   VARCHAR(1024),
    reason                  VARCHAR(512)
);
-- Newest first per registry or broker, per device, and the retention purge by time.
CREATE INDEX connection_log_namespace ON connection_log (namespace_kind, namespace_id, id DESC);
CREATE INDEX connection_log_client ON connection_log (client_resource_id, id DESC);
CREATE INDEX connection_log_time ON connection_log (occurred_at);
