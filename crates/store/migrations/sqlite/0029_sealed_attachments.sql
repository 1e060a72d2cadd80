-- The files of an end-to-end communication, encrypted in the sender's
-- browser: stored as `openpgp` (what they hold is known only to their
-- readers). SQLite cannot change a CHECK in place: the table is rebuilt
-- (nothing references it).
CREATE TABLE communication_attachments_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    communication_id INTEGER NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
    position         BIGINT  NOT NULL,
    name             TEXT    NOT NULL,
    file_type        TEXT    NOT NULL CHECK (file_type IN ('pdf', 'png', 'jpeg', 'text', 'openpgp')),
    size             BIGINT  NOT NULL,
    sha256           TEXT    NOT NULL,
    bytes            BLOB    NOT NULL,
    UNIQUE (communication_id, position)
);
INSERT INTO communication_attachments_new
    (id, communication_id, position, name, file_type, size, sha256, bytes)
SELECT id, communication_id, position, name, file_type, size, sha256, bytes
FROM communication_attachments;
DROP TABLE communication_attachments;
ALTER TABLE communication_attachments_new RENAME TO communication_attachments;
