-- The tamper-evident log: entries numbered 0, 1, 2… with no gaps, the
-- counter that hands out those numbers, and the signed tree heads.
--
-- Entries are appended in the same transaction as the change they record
-- (see `append_in_tx` in src/postgres.rs): the transaction bumps
-- `log_state.next_index` as its last step before inserting the entries,
-- which locks that row until commit, so concurrent appenders are
-- serialised, and a rolled-back change takes its number back.

CREATE TABLE log_entries (
    -- The entry's index, given explicitly (never generated).
    idx               BIGINT  PRIMARY KEY CHECK (idx >= 0),
    -- Unix seconds.
    at                BIGINT  NOT NULL,
    -- No foreign key: the log outlives the accounts it mentions.
    actor_account_id  BIGINT  NULL,
    actor_kind        TEXT    NOT NULL,
    actor_participant TEXT    NULL,
    action            TEXT    NOT NULL,
    object            TEXT    NOT NULL,
    participant       TEXT    NULL,
    -- Hex SHA-256 of the change's content (never the content itself).
    content_hash      TEXT    NOT NULL,
    -- The RFC 9162 leaf hash computed at append time (32 bytes).
    leaf_hash         BYTEA   NOT NULL CHECK (octet_length(leaf_hash) = 32)
);
-- For the audit searches, which read newest first.
CREATE INDEX log_entries_participant ON log_entries (participant, idx);
CREATE INDEX log_entries_actor_participant ON log_entries (actor_participant, idx);
CREATE INDEX log_entries_actor_account_id ON log_entries (actor_account_id, idx);
CREATE INDEX log_entries_action ON log_entries (action, idx);
CREATE INDEX log_entries_at ON log_entries (at);

-- Append-only, as far as the database can say so cheaply: any UPDATE,
-- DELETE or TRUNCATE of log_entries raises. This stops mistakes, not a
-- superuser: the Merkle tree and the signed tree heads are what make
-- tampering evident. Tests (and `verify`'s tamper tests) that must rewrite
-- history to prove it is caught first run
--     ALTER TABLE log_entries DISABLE TRIGGER log_entries_append_only;
CREATE FUNCTION log_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the log is append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
-- Per statement, so that one trigger also covers TRUNCATE (which has no rows).
CREATE TRIGGER log_entries_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON log_entries
    FOR EACH STATEMENT EXECUTE FUNCTION log_entries_refuse_change();

-- Exactly one row: the index the next entry gets (= the log's size).
CREATE TABLE log_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    next_index BIGINT  NOT NULL CHECK (next_index >= 0)
);
INSERT INTO log_state (id, next_index) VALUES (1, 0);

-- Signed tree heads, one per size; the first one kept for a size stays.
CREATE TABLE tree_heads (
    tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
    -- Hex SHA-256 Merkle root.
    root_hash TEXT   NOT NULL,
    -- Unix seconds when it was signed.
    timestamp BIGINT NOT NULL,
    -- Base64 Ed25519 signature.
    signature TEXT   NOT NULL,
    -- Hex SHA-256 of the public key.
    key_id    TEXT   NOT NULL
);
