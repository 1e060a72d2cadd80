-- Reporters: organisations outside the directory that apply through the
-- public form and are vetted by the secretariat. The contact's address
-- and OpenPGP key are sealed (crate::sealing); the status is what later
-- steps check before they deliver a reporter's notifications.

CREATE TABLE reporters (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation        TEXT    NOT NULL,
    country             TEXT    NOT NULL,
    website             TEXT    NOT NULL,
    contact_name        TEXT    NOT NULL,
    -- Sealed.
    contact_email       TEXT    NOT NULL,
    -- The UN language mail to the applicant is written in.
    language            TEXT    NOT NULL,
    -- Sealed; NULL for none. Its fingerprint in clear, for the pages.
    openpgp_key         TEXT    NULL,
    openpgp_fingerprint TEXT    NULL,
    why                 TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN (
                            'pending', 'approved', 'rejected', 'suspended')),
    -- Why it was rejected or suspended (the last decision's reason).
    status_reason       TEXT    NULL,
    applied_at          BIGINT  NOT NULL,
    decided_at          BIGINT  NULL,
    -- The invitation approval sent; its account, once accepted, is the
    -- reporter's (also set directly by the demo).
    invitation_id       INTEGER NULL REFERENCES invitations (id) ON DELETE SET NULL,
    account_id          INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX reporters_status ON reporters (status, applied_at);
CREATE INDEX reporters_invitation ON reporters (invitation_id);
CREATE INDEX reporters_account ON reporters (account_id);

-- Every decision on a reporter, in order.
CREATE TABLE reporter_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reporter_id INTEGER NOT NULL REFERENCES reporters (id) ON DELETE CASCADE,
    at          BIGINT  NOT NULL,
    decided_by  INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    decision    TEXT    NOT NULL,
    from_status TEXT    NOT NULL,
    to_status   TEXT    NOT NULL,
    reason      TEXT    NULL
);
CREATE INDEX reporter_changes_reporter ON reporter_changes (reporter_id, id);
