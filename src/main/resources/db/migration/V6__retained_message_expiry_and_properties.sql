-- A kept message keeps what MQTT 5 gave it across a restart: its expiry (an expired one is not replayed)
-- and the properties its publisher handed on to receivers (user properties, content type, ...).
ALTER TABLE retained_messages ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE retained_messages ADD COLUMN properties JSONB;
