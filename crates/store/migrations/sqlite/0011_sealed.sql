-- Sealing at rest (crates/store/src/sealing/): TOTP secrets, PoCs' details
-- (current, pending and every version in their history) and the outbox's
-- recipient, subject and body are stored sealed (XChaCha20-Poly1305, the
-- key id inside each value) under keys that live in the key file, never in
-- the database. The columns keep their types: a sealed value is text.
--
-- SQL cannot encrypt: the values an earlier version wrote in clear are
-- sealed by the store when it opens the database, after the migrations,
-- and this row records that it was done (so later opens skip the pass).
CREATE TABLE seal_state (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    clear_values_sealed BOOLEAN NOT NULL
);
INSERT INTO seal_state (id, clear_values_sealed) VALUES (1, false);
