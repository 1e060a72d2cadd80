-- Points of contact: nominated by a participant, verified by the
-- secretariat. `active` holds the verified details (JSON of PocDetails),
-- `pending` a proposed version awaiting the secretariat, `pending_action`
-- what the nominator asked for. Every change bumps `version` (optimistic
-- concurrency) and writes one `poc_history` row in the same transaction,
-- so every version is kept.

CREATE TABLE pocs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    participant    TEXT    NOT NULL REFERENCES participants (code),
    role           TEXT    NOT NULL CHECK (role IN ('diplomatic', 'technical')),
    status         TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'withdrawn')),
    version        BIGINT  NOT NULL CHECK (version >= 1),
    active         TEXT    NULL,
    pending        TEXT    NULL,
    pending_action TEXT    NULL CHECK (pending_action IN ('create', 'update', 'withdraw')),
    -- Unix seconds: when the pending request was first made (the queue's order).
    pending_at     BIGINT  NULL,
    -- Unix seconds: last verification or re-validation.
    confirmed_at   BIGINT  NULL,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    CHECK ((pending_action IS NULL) = (pending_at IS NULL)),
    CHECK (status <> 'active' OR (active IS NOT NULL AND confirmed_at IS NOT NULL))
);
CREATE INDEX pocs_participant ON pocs (participant, id);
CREATE INDEX pocs_pending ON pocs (pending_at, id) WHERE pending_action IS NOT NULL;
CREATE INDEX pocs_confirmed_at ON pocs (confirmed_at) WHERE status = 'active';

CREATE TABLE poc_history (
    poc_id           BIGINT NOT NULL REFERENCES pocs (id),
    version          BIGINT NOT NULL,
    -- Unix seconds.
    at               BIGINT NOT NULL,
    -- No foreign key: history outlives the accounts it mentions.
    actor_account_id BIGINT NULL,
    -- propose, propose_update, propose_withdrawal, approve, reject, confirm.
    action           TEXT   NOT NULL,
    details          TEXT   NULL,
    reason           TEXT   NULL,
    PRIMARY KEY (poc_id, version)
);
