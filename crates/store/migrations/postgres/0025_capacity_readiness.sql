-- Readiness self-assessments: each State's answers on the six points
-- (sealed), whether it shares them with the secretariat, every
-- assessment kept, the latest the one that counts.

CREATE TABLE capacity_readiness (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant  TEXT    NOT NULL REFERENCES participants (code),
    answers      TEXT    NOT NULL,
    shared       BOOLEAN NOT NULL,
    assessed_at  BIGINT  NOT NULL,
    assessed_by  BIGINT NULL REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX capacity_readiness_participant ON capacity_readiness (participant, id);
