-- Limits a folder sets over the service defaults (iotgate.limits.*). A NULL column follows the default;
-- a folder without a row follows every default.
CREATE TABLE folder_limits (
    folder_id                 VARCHAR(20) PRIMARY KEY REFERENCES folders (id),
    payload_bytes             INTEGER,
    topic_length              INTEGER,
    publish_rate              INTEGER,
    publish_burst             INTEGER,
    subscriptions_per_session INTEGER,
    inflight_per_session      INTEGER,
    updated_at                TIMESTAMPTZ NOT NULL
);
