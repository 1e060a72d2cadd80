-- Tabletop exercises: a scenario of timed injects played through the
-- portal and mail. Kept in their own tables so that exercise traffic can
-- never show in real inboxes or real statistics. `scenario` (the whole
-- JSON file), the facilitator's comments and the players' replies and
-- survey answers are sealed.
CREATE TABLE exercises (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title          TEXT    NOT NULL,
    level          TEXT    NOT NULL CHECK (level IN ('contact_check', 'communication', 'tabletop')),
    scenario       TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'ended')),
    created_by     BIGINT  NULL REFERENCES accounts (id),
    created_at     BIGINT  NOT NULL,
    started_at     BIGINT  NULL,
    -- The pause going on, and the seconds of the pauses that ended: the
    -- exercise clock is wall time less these.
    paused_since   BIGINT  NULL,
    paused_seconds BIGINT  NOT NULL DEFAULT 0,
    ended_at       BIGINT  NULL
);
CREATE INDEX exercises_status ON exercises (status);

CREATE TABLE exercise_states (
    exercise_id BIGINT  NOT NULL REFERENCES exercises (id),
    state       TEXT    NOT NULL REFERENCES participants (code),
    PRIMARY KEY (exercise_id, state)
);

-- An inject once it was played (or passed over by its condition): the
-- unique key is what makes each inject go out once.
CREATE TABLE exercise_injects (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exercise_id BIGINT  NOT NULL REFERENCES exercises (id),
    inject_key  TEXT    NOT NULL,
    sent_at     BIGINT  NOT NULL,
    -- JSON array of the States it reached (empty: its condition held for none).
    states      TEXT    NOT NULL,
    UNIQUE (exercise_id, inject_key)
);

-- One row per player an inject reached, with what the player did.
CREATE TABLE exercise_deliveries (
    inject_id       BIGINT  NOT NULL REFERENCES exercise_injects (id),
    account_id      BIGINT  NOT NULL REFERENCES accounts (id),
    state           TEXT    NOT NULL REFERENCES participants (code),
    kind            TEXT    NOT NULL CHECK (kind IN ('diplomatic_poc', 'technical_poc')),
    delivered_at    BIGINT  NOT NULL,
    read_at         BIGINT  NULL,
    acknowledged_at BIGINT  NULL,
    replied_at      BIGINT  NULL,
    reply           TEXT    NULL,
    escalated_at    BIGINT  NULL,
    PRIMARY KEY (inject_id, account_id)
);
CREATE INDEX exercise_deliveries_account ON exercise_deliveries (account_id, inject_id);

-- What each State was expected to do about an inject, and how it went.
CREATE TABLE exercise_expectations (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inject_id    BIGINT  NOT NULL REFERENCES exercise_injects (id),
    state        TEXT    NOT NULL REFERENCES participants (code),
    kind         TEXT    NOT NULL CHECK (kind IN ('acknowledge', 'reply', 'escalate', 'manual')),
    deadline     BIGINT  NOT NULL,
    score        BIGINT  NOT NULL,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('pending', 'met', 'late', 'missed')),
    done_at      BIGINT  NULL,
    done_by      BIGINT  NULL REFERENCES accounts (id),
    validated_by BIGINT  NULL REFERENCES accounts (id),
    validated_at BIGINT  NULL,
    comment      TEXT    NULL,
    UNIQUE (inject_id, state, kind)
);
CREATE INDEX exercise_expectations_due ON exercise_expectations (outcome, deadline);

-- The lessons-learned survey, once per player after the end.
CREATE TABLE exercise_feedback (
    exercise_id BIGINT  NOT NULL REFERENCES exercises (id),
    account_id  BIGINT  NOT NULL REFERENCES accounts (id),
    state       TEXT    NOT NULL REFERENCES participants (code),
    rating      BIGINT  NOT NULL CHECK (rating BETWEEN 1 AND 5),
    went_well   TEXT    NOT NULL,
    to_improve  TEXT    NOT NULL,
    answered_at BIGINT  NOT NULL,
    PRIMARY KEY (exercise_id, account_id)
);

-- The improvement plan of the after-action report: what to change, who,
-- by when; for one State (seen by it and the secretariat) or for all.
CREATE TABLE exercise_improvements (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exercise_id    BIGINT  NOT NULL REFERENCES exercises (id),
    state          TEXT    NULL REFERENCES participants (code),
    issue          TEXT    NOT NULL,
    recommendation TEXT    NOT NULL,
    owner          TEXT    NOT NULL,
    -- YYYY-MM-DD.
    due_date       TEXT    NOT NULL,
    created_by     BIGINT  NULL REFERENCES accounts (id),
    created_at     BIGINT  NOT NULL
);
CREATE INDEX exercise_improvements_exercise ON exercise_improvements (exercise_id, id);
