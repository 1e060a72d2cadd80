-- Sealing at rest (crates/store/src/sealing/): TOTP secrets, accounts' and
-- invitations' e-mail addresses, PoCs' details (current, pending and every
-- version in their history) and the outbox's recipient, subject and body
-- are stored sealed (XChaCha20-Poly1305, the
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

-- An e-mail address is looked up by its keyed blind index (HMAC-SHA256
-- under a key derived from the key file), never in clear: the unique
-- values move to the index (the sealed addresses are all different).
ALTER TABLE accounts ADD COLUMN email_index TEXT NULL;
CREATE UNIQUE INDEX accounts_email_index ON accounts (email_index);
ALTER TABLE invitations ADD COLUMN email_index TEXT NULL;
DROP INDEX invitations_open_email;
CREATE UNIQUE INDEX invitations_open_email_index ON invitations (email_index)
    WHERE used_at IS NULL AND revoked_at IS NULL;

-- Sign-in throttling keys (`account:<e-mail>`) are stored as blind indexes
-- from now on: the few recent failures kept in clear are dropped.
DELETE FROM login_failures;
