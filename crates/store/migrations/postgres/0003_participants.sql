-- Participants of the directory: UN Member and Observer States (seeded
-- from crates/directory/data/participants.csv) and intergovernmental
-- organisations added by the secretariat. Names in the six UN languages.

CREATE TABLE participants (
    code              TEXT   PRIMARY KEY,
    alpha2            TEXT   NULL,
    m49               TEXT   NULL,
    kind              TEXT   NOT NULL CHECK (kind IN ('member_state', 'observer_state', 'organisation')),
    status            TEXT   NOT NULL DEFAULT 'not_participating'
                      CHECK (status IN ('not_participating', 'participating', 'suspended', 'withdrawn')),
    region            TEXT   NOT NULL,
    subregion         TEXT   NOT NULL,
    name_ar           TEXT   NOT NULL,
    name_zh           TEXT   NOT NULL,
    name_en           TEXT   NOT NULL,
    name_es           TEXT   NOT NULL,
    name_fr           TEXT   NOT NULL,
    name_ru           TEXT   NOT NULL,
    -- Unix seconds.
    created_at        BIGINT NOT NULL,
    status_changed_at BIGINT NOT NULL
);
CREATE INDEX participants_status ON participants (status);
