-- Funding of capacity building: each line a donor's pledge, commitment or
-- disbursement to a request or to an area, in an ISO 4217 currency and
-- that currency's minor units (exact totals, never converted).

CREATE TABLE capacity_funding (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The request funded, or NULL for an area.
    request_id    INTEGER NULL REFERENCES capacity_requests (id) ON DELETE CASCADE,
    area          TEXT    NULL,
    donor         TEXT    NOT NULL REFERENCES participants (code),
    stage         TEXT    NOT NULL CHECK (stage IN ('pledge', 'commitment', 'disbursement')),
    currency      TEXT    NOT NULL,
    amount_minor  BIGINT  NOT NULL CHECK (amount_minor > 0),
    at            BIGINT  NOT NULL,
    by_account    INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK (request_id IS NOT NULL OR area IS NOT NULL)
);
CREATE INDEX capacity_funding_request ON capacity_funding (request_id, id);
CREATE INDEX capacity_funding_donor ON capacity_funding (donor, id);
