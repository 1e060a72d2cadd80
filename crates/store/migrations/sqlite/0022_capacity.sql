-- Capacity building: States' requests, providers' offers, the requester's
-- selection, the secretariat's acknowledgement and confirmation, and the
-- follow-ups after 6 and 12 months. Descriptions and what changed are
-- sealed (crate::sealing): they say what a State lacks.

CREATE TABLE capacity_requests (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The requesting State.
    participant        TEXT    NOT NULL REFERENCES participants (code),
    -- Space-separated, from the taxonomy (domain::capacity::Area).
    areas              TEXT    NOT NULL,
    -- Sealed.
    description        TEXT    NOT NULL,
    -- Space-separated UN language codes.
    languages          TEXT    NOT NULL,
    format             TEXT    NOT NULL,
    -- YYYY-MM-DD.
    needed_by          TEXT    NOT NULL,
    funding_needed     BOOLEAN NOT NULL,
    visibility         TEXT    NOT NULL CHECK (visibility IN (
                           'all_providers', 'named_providers', 'anonymous')),
    status             TEXT    NOT NULL CHECK (status IN (
                           'filed', 'acknowledged', 'selected', 'matched', 'closed', 'withdrawn')),
    filed_at           BIGINT  NOT NULL,
    filed_by           INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    acknowledged_at    BIGINT  NULL,
    acknowledged_by    INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    selected_offer_id  INTEGER NULL,
    selected_at        BIGINT  NULL,
    confirmed_at       BIGINT  NULL,
    confirmed_by       INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    withdrawn_at       BIGINT  NULL,
    closed_at          BIGINT  NULL
);
CREATE INDEX capacity_requests_participant ON capacity_requests (participant, filed_at);
CREATE INDEX capacity_requests_status ON capacity_requests (status, filed_at);

-- The providers a 'named_providers' request names.
CREATE TABLE capacity_request_providers (
    request_id   INTEGER NOT NULL REFERENCES capacity_requests (id) ON DELETE CASCADE,
    participant  TEXT   NOT NULL REFERENCES participants (code),
    PRIMARY KEY (request_id, participant)
);

CREATE TABLE capacity_offers (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id   INTEGER NOT NULL REFERENCES capacity_requests (id) ON DELETE CASCADE,
    -- The providing participant (a State or an organisation).
    provider     TEXT    NOT NULL REFERENCES participants (code),
    -- Sealed.
    description  TEXT    NOT NULL,
    languages    TEXT    NOT NULL,
    format       TEXT    NOT NULL,
    funded       BOOLEAN NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN (
                     'open', 'selected', 'not_selected', 'withdrawn')),
    offered_at   BIGINT  NOT NULL,
    offered_by   INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    closed_at    BIGINT  NULL
);
CREATE INDEX capacity_offers_request ON capacity_offers (request_id, id);
-- One open offer per provider and request.
CREATE UNIQUE INDEX capacity_offers_one_open ON capacity_offers (request_id, provider)
    WHERE status = 'open';

-- The outcome reports of a match's follow-ups, once each.
CREATE TABLE capacity_follow_ups (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id    INTEGER NOT NULL REFERENCES capacity_requests (id) ON DELETE CASCADE,
    milestone     TEXT    NOT NULL CHECK (milestone IN ('six_months', 'twelve_months')),
    outcome       TEXT    NOT NULL CHECK (outcome IN ('delivered', 'partly', 'not_delivered')),
    -- Sealed.
    what_changed  TEXT    NOT NULL,
    reported_at   BIGINT  NOT NULL,
    reported_by   INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    UNIQUE (request_id, milestone)
);
