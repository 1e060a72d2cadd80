-- Accounts managed in the portal: invitations and password resets (links
-- whose secret is stored only as a hash), the first password that must be
-- changed, the link between a PoC entry and the account it signs in with,
-- and mails whose body holds such a link.

-- Set for a password chosen by someone else (the console): changed at
-- the first sign-in before anything else opens.
ALTER TABLE accounts ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT    NOT NULL UNIQUE,
    email        TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN (
                     'secretariat', 'nominator', 'diplomatic_poc',
                     'technical_poc', 'reporter', 'auditor')),
    participant  TEXT    NULL,
    display_name TEXT    NOT NULL,
    -- The language the invitation was mailed in, and the account's.
    language     TEXT    NOT NULL,
    -- The PoC entry the account will be linked to, if any.
    poc_id       INTEGER NULL REFERENCES pocs (id) ON DELETE SET NULL,
    invited_by   INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT  NULL,
    revoked_at   BIGINT  NULL,
    account_id   INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL
);
-- One open invitation per address: a second is refused, not sent twice.
CREATE UNIQUE INDEX invitations_open_email ON invitations (email)
    WHERE used_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_participant ON invitations (participant);

CREATE TABLE password_resets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT  NULL
);
CREATE INDEX password_resets_account ON password_resets (account_id);

-- Which account a PoC entry signs in with (at most one per entry).
CREATE TABLE poc_accounts (
    poc_id     INTEGER PRIMARY KEY REFERENCES pocs (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    linked_at  BIGINT  NOT NULL
);
CREATE INDEX poc_accounts_account ON poc_accounts (account_id);

-- A mail whose body carries a link's secret: its body is blanked once it
-- has been sent or given up, so the secret does not outlive its mail.
ALTER TABLE outbox ADD COLUMN sensitive BOOLEAN NOT NULL DEFAULT false;
