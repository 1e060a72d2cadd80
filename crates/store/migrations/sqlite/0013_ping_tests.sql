-- Ping tests: campaigns that prove each PoC can be reached and answers in
-- time. A campaign is created `scheduled` (or started at once); starting it
-- makes one challenge per PoC in scope and queues its mail in the same
-- transaction. `finished` is never stored: a running campaign is finished
-- once `closes_at` has passed.
CREATE TABLE ping_campaigns (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('scheduled', 'ad_hoc')),
    status        TEXT    NOT NULL CHECK (status IN ('scheduled', 'running', 'cancelled')),
    -- JSON of the domain's Scope (roles, regions, States).
    scope         TEXT    NOT NULL,
    announced     BOOLEAN NOT NULL,
    escalate      BOOLEAN NOT NULL,
    -- Unix seconds.
    starts_at     BIGINT  NOT NULL,
    answer_by     BIGINT  NOT NULL,
    closes_at     BIGINT  NOT NULL,
    -- JSON array of reminder offsets from the start, in seconds.
    reminders     TEXT    NOT NULL,
    created_by    BIGINT  NULL,
    created_at    BIGINT  NOT NULL,
    started_at    BIGINT  NULL,
    cancelled_at  BIGINT  NULL,
    escalated_at  BIGINT  NULL,
    -- When the secretariat published its aggregate figures.
    published_at  BIGINT  NULL,
    CHECK (starts_at < answer_by AND answer_by <= closes_at)
);
CREATE INDEX ping_campaigns_due ON ping_campaigns (status, starts_at);

-- One challenge per PoC per campaign. `token_hash` finds it (the token is
-- never stored in clear: `token` is sealed, for the reminders' links).
CREATE TABLE ping_challenges (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id    BIGINT  NOT NULL REFERENCES ping_campaigns (id),
    poc_id         BIGINT  NOT NULL REFERENCES pocs (id),
    participant    TEXT    NOT NULL REFERENCES participants (code),
    role           TEXT    NOT NULL CHECK (role IN ('diplomatic', 'technical')),
    token_hash     TEXT    NOT NULL UNIQUE,
    token          TEXT    NOT NULL,
    -- Where its mails go (sealed) and in which language.
    email          TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    -- The challenge mail, to tell an undeliverable one.
    mail_id        BIGINT  NULL REFERENCES outbox (id),
    reminders_sent BIGINT  NOT NULL DEFAULT 0,
    answered_at    BIGINT  NULL,
    channel        TEXT    NULL CHECK (channel IN ('link', 'portal', 'api', 'other_channel')),
    answered_by    BIGINT  NULL,
    -- What the secretariat found by another channel, and its note (sealed).
    finding        TEXT    NULL CHECK (finding IN ('reached', 'not_reached')),
    note           TEXT    NULL,
    UNIQUE (campaign_id, poc_id),
    CHECK ((answered_at IS NULL) = (channel IS NULL))
);
CREATE INDEX ping_challenges_open ON ping_challenges (campaign_id, answered_at, reminders_sent);
CREATE INDEX ping_challenges_poc ON ping_challenges (poc_id, campaign_id);
CREATE INDEX ping_challenges_state ON ping_challenges (participant, campaign_id);
