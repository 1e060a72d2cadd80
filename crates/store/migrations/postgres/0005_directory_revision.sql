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

CREATE FUNCTION directory_bump_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_state SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
-- Per statement: a seed of 195 participants bumps it once.
CREATE TRIGGER pocs_revision
    AFTER INSERT OR UPDATE ON pocs
    FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_revision();
CREATE TRIGGER participants_revision
    AFTER INSERT OR UPDATE ON participants
    FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_revision();
