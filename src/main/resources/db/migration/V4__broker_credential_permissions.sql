-- Topic permissions of broker passwords and certificates: {"publish": [filters], "subscribe": [filters]}.
-- NULL means every topic of the broker, as before (and as for every registry and device credential).
ALTER TABLE passwords ADD COLUMN permissions JSONB;
ALTER TABLE certificates ADD COLUMN permissions JSONB;
