-- The public keys that sign the log's tree heads, recorded by the server
-- when it first uses its signing key (before it keeps a head signed with
-- it), so that an auditor with read access to the database can check the
-- heads without the server's secrets. Heads name their key by `key_id`.
-- A key recorded here is only the database's word: `pocdir log verify
-- --key` pins the published key instead.
CREATE TABLE log_keys (
    -- Hex SHA-256 of the public key (as in tree_heads.key_id).
    key_id      TEXT   PRIMARY KEY,
    -- Base64 of the 32 bytes of the Ed25519 public key.
    public_key  TEXT   NOT NULL,
    -- Unix seconds when it was first recorded.
    recorded_at BIGINT NOT NULL
);

-- Kept for good, like the entries: a key is never edited or removed
-- (the same refusal as log_entries, see 0002_log.sql).
CREATE TRIGGER log_keys_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON log_keys
    FOR EACH STATEMENT EXECUTE FUNCTION log_entries_refuse_change();
