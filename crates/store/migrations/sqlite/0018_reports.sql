-- Reports: what a vetted reporter sends to the technical PoCs of States
-- (a threat, a vulnerability under embargo, an ongoing incident), each
-- State's status and thread, the embargo's extensions. The content, the
-- threads' messages and the attachments are sealed (crate::sealing).

CREATE TABLE reports (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    reporter_id    INTEGER NOT NULL REFERENCES reporters (id),
    -- The reporter's account that sent it.
    sender_account INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    category       TEXT    NOT NULL CHECK (category IN (
                       'threat', 'vulnerability', 'ongoing_incident')),
    -- Never RED: a reporter addresses States, not named people.
    tlp            TEXT    NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')),
    -- Sealed JSON: title, description, products, CVE ids, STIX bundle.
    content        TEXT    NOT NULL,
    content_sha256 TEXT    NOT NULL,
    -- The embargo's end as the reporter gave it, and in UTC; NULL for none.
    embargo_local  TEXT    NULL,
    embargo_zone   TEXT    NULL,
    embargo_end    BIGINT  NULL,
    sent_at        BIGINT  NOT NULL,
    ack_deadline   BIGINT  NOT NULL
);
CREATE INDEX reports_reporter ON reports (reporter_id, id);
CREATE INDEX reports_embargo ON reports (embargo_end);

-- Each State a report went to, and where it stands.
CREATE TABLE report_states (
    report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    state           TEXT    NOT NULL REFERENCES participants (code),
    status          TEXT    NOT NULL DEFAULT 'unknown' CHECK (status IN (
                        'unknown', 'under_investigation', 'affected', 'not_affected')),
    status_at       BIGINT  NULL,
    first_read_at   BIGINT  NULL,
    acknowledged_at BIGINT  NULL,
    -- The State's first message in its thread.
    answered_at     BIGINT  NULL,
    escalated_at    BIGINT  NULL,
    -- The embargo end the State was last reminded of.
    reminded_for    BIGINT  NULL,
    PRIMARY KEY (report_id, state)
);
CREATE INDEX report_states_state ON report_states (state, report_id);

-- The PoC accounts a report reached: the technical PoCs at once, the
-- diplomatic ones when their State is escalated.
CREATE TABLE report_recipients (
    report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    state           TEXT    NOT NULL REFERENCES participants (code),
    kind            TEXT    NOT NULL CHECK (kind IN ('diplomatic_poc', 'technical_poc')),
    delivered_at    BIGINT  NOT NULL,
    read_at         BIGINT  NULL,
    acknowledged_at BIGINT  NULL,
    PRIMARY KEY (report_id, account_id)
);
CREATE INDEX report_recipients_account ON report_recipients (account_id, report_id);

-- The thread between the reporter and one State: the reporter sees
-- "State X, technical PoC", never who.
CREATE TABLE report_messages (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    state          TEXT    NOT NULL REFERENCES participants (code),
    author_account INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    author_side    TEXT    NOT NULL CHECK (author_side IN ('reporter', 'state')),
    author_kind    TEXT    NOT NULL,
    -- Sealed.
    body           TEXT    NOT NULL,
    sent_at        BIGINT  NOT NULL
);
CREATE INDEX report_messages_thread ON report_messages (report_id, state, id);

-- Every extension of an embargo, with the reason readers are shown.
CREATE TABLE report_extensions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    from_end   BIGINT  NOT NULL,
    to_end     BIGINT  NOT NULL,
    to_local   TEXT    NOT NULL,
    to_zone    TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    at         BIGINT  NOT NULL
);
CREATE INDEX report_extensions_report ON report_extensions (report_id, id);

CREATE TABLE report_attachments (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position  BIGINT  NOT NULL,
    -- Sealed.
    name      TEXT    NOT NULL,
    file_type TEXT    NOT NULL CHECK (file_type IN ('pdf', 'png', 'jpeg', 'text')),
    size      BIGINT  NOT NULL,
    sha256    TEXT    NOT NULL,
    -- Sealed.
    bytes     BLOB    NOT NULL,
    UNIQUE (report_id, position)
);
