-- TAXII 2.1: the collections of the one API root for participants and the
-- STIX 2.1 objects in them, every version kept; the status of each request
-- that added objects. An object's JSON is kept exactly as it was posted,
-- sealed (crate::sealing). Who reads and writes what is the domain's
-- (`taxii/collection.rs`); the store keeps and finds.

CREATE TABLE taxii_collections (
    -- A UUID, as TAXII names collections.
    id            TEXT    PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('shared', 'inbox', 'group', 'intake')),
    -- An inbox's participant.
    state         TEXT    NULL REFERENCES participants (code),
    -- A group's readers and writers: participant codes, comma-separated.
    readers       TEXT    NOT NULL DEFAULT '',
    writers       TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    -- The label of an object posted without a TLP marking.
    default_label TEXT    NOT NULL CHECK (default_label IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')),
    created_at    BIGINT  NOT NULL,
    CHECK ((kind = 'inbox') = (state IS NOT NULL))
);
CREATE UNIQUE INDEX taxii_collections_inbox ON taxii_collections (state) WHERE kind = 'inbox';

CREATE TABLE taxii_objects (
    -- The order objects were added in: a page's order and its `next`.
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    collection_id TEXT    NOT NULL REFERENCES taxii_collections (id),
    object_id     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    spec_version  TEXT    NOT NULL,
    -- The version (`modified`, else `created`, else when it was added) and
    -- when it was added, in microseconds since the epoch.
    version       BIGINT  NOT NULL,
    added_at      BIGINT  NOT NULL,
    -- Its own TLP label, or the collection's default.
    label         TEXT    NOT NULL CHECK (label IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    writer        INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    -- Sealed: the object exactly as posted.
    json          TEXT    NOT NULL,
    UNIQUE (collection_id, object_id, version)
);
CREATE INDEX taxii_objects_page ON taxii_objects (collection_id, seq);

-- What became of each object of a request that added objects, kept at
-- least a day for the client to ask.
CREATE TABLE taxii_statuses (
    id            TEXT    PRIMARY KEY,
    collection_id TEXT    NOT NULL REFERENCES taxii_collections (id),
    account_id    INTEGER NULL REFERENCES accounts (id) ON DELETE SET NULL,
    requested_at  BIGINT  NOT NULL,
    -- JSON arrays of {"id", "version", "message"}.
    successes     TEXT    NOT NULL,
    failures      TEXT    NOT NULL
);
CREATE INDEX taxii_statuses_age ON taxii_statuses (requested_at);
