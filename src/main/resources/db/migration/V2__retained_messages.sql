-- The last message of each retained (broker) or permanent (registry state/config) topic, per namespace,
-- so that it survives a restart and reaches every new subscription at once.
CREATE TABLE retained_messages (
    namespace_kind VARCHAR(16) NOT NULL,
    namespace_id   VARCHAR(20) NOT NULL,
    topic          VARCHAR(1024) NOT NULL,
    payload        BYTEA NOT NULL,
    qos            SMALLINT NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (namespace_kind, namespace_id, topic)
);
