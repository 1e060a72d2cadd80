-- A counter bumped by every write to PoCs or participants, in the same
-- transaction (by triggers, so no write path can forget it). Search keeps
-- the directory in memory and rebuilds it when the counter moved: one tiny
-- read per search instead of scanning every PoC, and correct with several
-- instances on one database.
CREATE TABLE directory_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT  NOT NULL
);
INSERT INTO directory_state (id, revision) VALUES (1, 0);

CREATE TRIGGER pocs_insert_revision AFTER INSERT ON pocs
BEGIN
    UPDATE directory_state SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER pocs_update_revision AFTER UPDATE ON pocs
BEGIN
    UPDATE directory_state SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER participants_insert_revision AFTER INSERT ON participants
BEGIN
    UPDATE directory_state SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER participants_update_revision AFTER UPDATE ON participants
BEGIN
    UPDATE directory_state SET revision = revision + 1 WHERE id = 1;
END;
