-- The best-practice library: documents published by a participant (or by
-- the secretariat, participant NULL) with their TLP label, languages and
-- areas (comma-separated codes), a summary per UN language (JSON), and
-- the file sealed at rest (crate::sealing); a withdrawal keeps the row.

CREATE TABLE library_documents (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant        TEXT    NULL REFERENCES participants (code),
    title              TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    tlp                TEXT    NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')),
    languages          TEXT    NOT NULL,
    areas              TEXT    NOT NULL,
    summaries          TEXT    NOT NULL,
    file_name          TEXT    NOT NULL,
    file_type          TEXT    NOT NULL CHECK (file_type IN ('pdf', 'png', 'jpeg', 'text')),
    size               BIGINT  NOT NULL,
    sha256             TEXT    NOT NULL,
    bytes              BYTEA   NOT NULL,
    published_at       BIGINT  NOT NULL,
    published_by       BIGINT  NULL REFERENCES accounts (id) ON DELETE SET NULL,
    withdrawn_at       BIGINT  NULL,
    withdrawn_by       BIGINT  NULL REFERENCES accounts (id) ON DELETE SET NULL,
    withdrawal_reason  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX library_documents_participant ON library_documents (participant, id);
