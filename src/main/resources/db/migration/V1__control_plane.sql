-- Control plane of iotgate. Every resource row carries its folder so that each query can be scoped
-- to the caller's tenant; credentials and operations name their owner by (kind, id).

CREATE TABLE folders (
    id          VARCHAR(20) PRIMARY KEY,
    name        VARCHAR(63) NOT NULL UNIQUE,
    description VARCHAR(256) NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id          VARCHAR(20) PRIMARY KEY,
    folder_id   VARCHAR(20) NOT NULL REFERENCES folders (id),
    role        VARCHAR(32) NOT NULL,
    description VARCHAR(256) NOT NULL DEFAULT '',
    secret_hash BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_keys_folder ON api_keys (folder_id);

CREATE TABLE registries (
    id          VARCHAR(20) PRIMARY KEY,
    folder_id   VARCHAR(20) NOT NULL REFERENCES folders (id),
    name        VARCHAR(50) NOT NULL,
    description VARCHAR(256) NOT NULL DEFAULT '',
    labels      JSONB NOT NULL DEFAULT '{}',
    status      VARCHAR(16) NOT NULL,
    log_options JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (folder_id, name)
);

CREATE TABLE devices (
    id                     VARCHAR(20) PRIMARY KEY,
    registry_id            VARCHAR(20) NOT NULL REFERENCES registries (id) ON DELETE CASCADE,
    folder_id              VARCHAR(20) NOT NULL,
    name                   VARCHAR(50) NOT NULL,
    description            VARCHAR(256) NOT NULL DEFAULT '',
    labels                 JSONB NOT NULL DEFAULT '{}',
    topic_aliases          JSONB NOT NULL DEFAULT '{}',
    status                 VARCHAR(16) NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    last_auth_ip           VARCHAR(64),
    last_auth_time         TIMESTAMPTZ,
    last_pub_activity_time TIMESTAMPTZ,
    last_sub_activity_time TIMESTAMPTZ,
    last_online_time       TIMESTAMPTZ,
    last_disconnect_time   TIMESTAMPTZ,
    UNIQUE (registry_id, name)
);
CREATE INDEX devices_folder ON devices (folder_id, id);

CREATE TABLE brokers (
    id          VARCHAR(20) PRIMARY KEY,
    folder_id   VARCHAR(20) NOT NULL REFERENCES folders (id),
    name        VARCHAR(50) NOT NULL,
    description VARCHAR(256) NOT NULL DEFAULT '',
    labels      JSONB NOT NULL DEFAULT '{}',
    status      VARCHAR(16) NOT NULL,
    log_options JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (folder_id, name)
);

-- The primary key makes a certificate belong to one resource across the whole service.
CREATE TABLE certificates (
    fingerprint      CHAR(64) PRIMARY KEY,
    sha1_fingerprint CHAR(40) NOT NULL UNIQUE,
    owner_kind       VARCHAR(16) NOT NULL,
    owner_id         VARCHAR(20) NOT NULL,
    folder_id        VARCHAR(20) NOT NULL,
    certificate_data TEXT NOT NULL,
    not_after        TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX certificates_owner ON certificates (owner_kind, owner_id);

CREATE TABLE passwords (
    id         VARCHAR(20) PRIMARY KEY,
    owner_kind VARCHAR(16) NOT NULL,
    owner_id   VARCHAR(20) NOT NULL,
    folder_id  VARCHAR(20) NOT NULL,
    hash       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX passwords_owner ON passwords (owner_kind, owner_id);

CREATE TABLE operations (
    id          VARCHAR(20) PRIMARY KEY,
    folder_id   VARCHAR(20) NOT NULL,
    resource_id VARCHAR(20) NOT NULL,
    description VARCHAR(256) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    modified_at TIMESTAMPTZ NOT NULL,
    done        BOOLEAN NOT NULL,
    metadata    JSONB NOT NULL,
    response    JSONB,
    error       JSONB
);
CREATE INDEX operations_resource ON operations (resource_id, id);
