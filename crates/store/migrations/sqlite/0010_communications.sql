-- Communications between PoCs (the template, threads, receipts,
-- escalation). `content` is the template's fields and free text sealed
-- together (XChaCha20-Poly1305, key id inside the value); attachments'
-- names and bytes are sealed too. What stays in clear is the metadata the
-- secretariat may see: who, when, kind, urgency, TLP label, status.
CREATE TABLE communications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The first communication of the thread (itself for a new one).
    thread_id       INTEGER NULL REFERENCES communications (id),
    parent_id       INTEGER NULL REFERENCES communications (id),
    forwarded_from  INTEGER NULL REFERENCES communications (id),
    sender_account  INTEGER NOT NULL REFERENCES accounts (id),
    sender_state    TEXT    NOT NULL REFERENCES participants (code),
    kind            TEXT    NOT NULL CHECK (kind IN ('incident_notification',
                        'information_request', 'assistance_request', 'response', 'general')),
    urgency         TEXT    NOT NULL CHECK (urgency IN ('routine', 'priority', 'urgent')),
    tlp             TEXT    NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    -- The roles of the States addressed as a whole; NULL when sent to named PoCs.
    addressed_roles TEXT    NULL CHECK (addressed_roles IN ('diplomatic', 'technical', 'both')),
    text_language   TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    -- Hex SHA-256 of the content's plaintext: what the log entry covers.
    content_sha256  TEXT    NOT NULL,
    sent_at         BIGINT  NOT NULL,
    ack_deadline    BIGINT  NOT NULL
);
CREATE INDEX communications_thread ON communications (thread_id, id);
CREATE INDEX communications_sender ON communications (sender_account, id);
CREATE INDEX communications_deadline ON communications (ack_deadline);

-- The States a communication concerns: the sender's, and each recipient's
-- (`addressed` when the State was addressed as a whole). Each State's PoCs
-- see the communications of their State here.
CREATE TABLE communication_states (
    communication_id INTEGER NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
    state            TEXT    NOT NULL REFERENCES participants (code),
    addressed        BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (communication_id, state)
);
CREATE INDEX communication_states_state ON communication_states (state, communication_id);

-- One row per recipient account, with its receipts.
CREATE TABLE communication_recipients (
    communication_id INTEGER NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    state            TEXT    NOT NULL REFERENCES participants (code),
    kind             TEXT    NOT NULL CHECK (kind IN ('diplomatic_poc', 'technical_poc')),
    delivered_at     BIGINT  NOT NULL,
    read_at          BIGINT  NULL,
    acknowledged_at  BIGINT  NULL,
    answered_at      BIGINT  NULL,
    PRIMARY KEY (communication_id, account_id)
);
CREATE INDEX communication_recipients_account ON communication_recipients (account_id, communication_id);

CREATE TABLE communication_attachments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    communication_id INTEGER NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
    position         BIGINT  NOT NULL,
    name             TEXT    NOT NULL,
    file_type        TEXT    NOT NULL CHECK (file_type IN ('pdf', 'png', 'jpeg', 'text')),
    size             BIGINT  NOT NULL,
    sha256           TEXT    NOT NULL,
    bytes            BLOB    NOT NULL,
    UNIQUE (communication_id, position)
);

-- A State whose diplomatic PoCs were alerted about a communication: once.
CREATE TABLE communication_escalations (
    communication_id INTEGER NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
    state            TEXT    NOT NULL REFERENCES participants (code),
    escalated_at     BIGINT  NOT NULL,
    PRIMARY KEY (communication_id, state)
);
