-- E-learning: modules as versions (the checked module as JSON, never
-- changed once written), lessons each account has read, quiz attempts
-- with their deadline and grade, and the certificates issued (the signed
-- JSON, as printed and verified).

CREATE TABLE learning_modules (
    slug            TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version > 0),
    content         TEXT    NOT NULL,
    content_sha256  TEXT    NOT NULL,
    uploaded_at     BIGINT  NOT NULL,
    uploaded_by     INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (slug, version)
);

CREATE TABLE learning_progress (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL,
    lesson      TEXT    NOT NULL,
    read_at     BIGINT  NOT NULL,
    PRIMARY KEY (account_id, slug, lesson)
);

CREATE TABLE learning_attempts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    slug         TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    language     TEXT    NOT NULL,
    opened_at    BIGINT  NOT NULL,
    deadline_at  BIGINT  NOT NULL,
    graded_at    BIGINT  NULL,
    correct      INTEGER NULL,
    total        INTEGER NULL,
    percent      INTEGER NULL,
    passed       BOOLEAN NULL,
    FOREIGN KEY (slug, version) REFERENCES learning_modules (slug, version)
);
CREATE INDEX learning_attempts_account ON learning_attempts (account_id, slug, id);

CREATE TABLE learning_certificates (
    id           TEXT    PRIMARY KEY,
    attempt_id   INTEGER NOT NULL UNIQUE REFERENCES learning_attempts (id) ON DELETE CASCADE,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    slug         TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    certificate  TEXT    NOT NULL,
    issued_at    BIGINT  NOT NULL
);
CREATE INDEX learning_certificates_account ON learning_certificates (account_id, issued_at);
