-- The tamper-evident log: entries numbered 0, 1, 2… with no gaps, the
-- counter that hands out those numbers, and the signed tree heads.
--
-- Entries are appended in the same transaction as the change they record
-- (see `append_in_tx` in src/sqlite.rs): the transaction first bumps
-- `log_state.next_index`, which takes SQLite's write lock, so concurrent
-- appenders are serialised, and a rolled-back change takes its number back.

CREATE TABLE log_entries (
    -- The entry's index, given explicitly (never generated). INTEGER PRIMARY
    -- KEY makes it the rowid (64-bit), so there is no separate index; it
    -- has no AUTOINCREMENT and is never inserted as NULL.
    idx               INTEGER PRIMARY KEY CHECK (idx >= 0),
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
    leaf_hash         BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
);
-- For the audit searches, which read newest first.
CREATE INDEX log_entries_participant ON log_entries (participant, idx);
CREATE INDEX log_entries_actor_participant ON log_entries (actor_participant, idx);
CREATE INDEX log_entries_actor_account_id ON log_entries (actor_account_id, idx);
CREATE INDEX log_entries_action ON log_entries (action, idx);
CREATE INDEX log_entries_at ON log_entries (at);

-- Append-only, as far as the database can say so cheaply. This stops
-- mistakes, not an operator with the file: the Merkle tree and the signed
-- tree heads are what make tampering evident. Tests (and `verify`'s tamper
-- tests) that must rewrite history to prove it is caught first run
--     DROP TRIGGER log_entries_no_update; DROP TRIGGER log_entries_no_delete;
CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries
BEGIN
    SELECT RAISE(ABORT, 'the log is append-only');
END;
CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
BEGIN
    SELECT RAISE(ABORT, 'the log is append-only');
END;

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
