-- The common lexicon: every version of every concept (the checked concept
-- as JSON, never changed once written; the newest is the concept), the
-- States' proposals with the version they were written against and the
-- curators' decision, and the comments on proposals.

CREATE TABLE lexicon_versions (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    concept_id   TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version > 0),
    content      TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    changed_at   BIGINT  NOT NULL,
    changed_by   INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    proposal_id  INTEGER NULL,
    UNIQUE (concept_id, version)
);

CREATE TABLE lexicon_proposals (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    concept_id     TEXT    NOT NULL,
    base_version   INTEGER NULL,
    content        TEXT    NOT NULL,
    rationale      TEXT    NOT NULL,
    proposed_at    BIGINT  NOT NULL,
    proposed_by    INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    participant    TEXT    NULL REFERENCES participants (code),
    status         TEXT    NOT NULL,
    decided_at     BIGINT  NULL,
    decided_by     INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    decision_note  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX lexicon_proposals_status ON lexicon_proposals (status, id);
CREATE INDEX lexicon_proposals_concept ON lexicon_proposals (concept_id, id);

CREATE TABLE lexicon_comments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id    INTEGER NOT NULL REFERENCES lexicon_proposals (id) ON DELETE CASCADE,
    body           TEXT    NOT NULL,
    written_at     BIGINT  NOT NULL,
    author         INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    participant    TEXT    NULL REFERENCES participants (code)
);
CREATE INDEX lexicon_comments_proposal ON lexicon_comments (proposal_id, id);
