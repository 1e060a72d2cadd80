-- The outbox of e-mail: written in the transaction that decides a mail is
-- due, sent later by the mail job, so a crash loses none. `dedupe_key` is
-- unique so the same notice (e.g. one reminder for one PoC and due date to
-- one recipient) is never queued twice. A claimed mail's `next_attempt_at`
-- is pushed forward by the claim: it is the sender's lease.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key      TEXT    NOT NULL UNIQUE,
    recipient       TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    -- Whose business the mail is (for the State's own view of the log).
    participant     TEXT    NULL,
    status          TEXT    NOT NULL DEFAULT 'queued'
                            CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT    NULL,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT  NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- The language mail is written in (one of the six codes); NULL: English.
ALTER TABLE accounts ADD COLUMN language TEXT NULL;
