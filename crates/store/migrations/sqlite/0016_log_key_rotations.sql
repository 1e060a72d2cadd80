-- Deliberate changes of the log's signing key (`pocdir log rotate-key`).
-- Each is also a log entry (`log.key_rotate`) whose content is this row
-- (without the index), so the row is bound into the Merkle tree: `log
-- verify` checks that the two agree and follows the keys from one span of
-- heads to the next.
CREATE TABLE log_key_rotations (
    -- The index of the rotation's log entry.
    log_index           BIGINT PRIMARY KEY,
    -- Hex SHA-256 of the new public key.
    key_id              TEXT   NOT NULL,
    -- Base64 of the new Ed25519 public key.
    public_key          TEXT   NOT NULL,
    -- Base64 of the key it replaces, when that key was there to sign.
    previous_public_key TEXT,
    -- Base64 signature by the previous key over the new public key.
    endorsement         TEXT
);

CREATE TRIGGER log_key_rotations_no_update BEFORE UPDATE ON log_key_rotations
BEGIN
    SELECT RAISE(ABORT, 'the log key rotations are append-only');
END;
CREATE TRIGGER log_key_rotations_no_delete BEFORE DELETE ON log_key_rotations
BEGIN
    SELECT RAISE(ABORT, 'the log key rotations are append-only');
END;
