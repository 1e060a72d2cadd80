-- One shared collection and one intake per installation: two instances
-- making the collections every installation has at the same moment cannot
-- make two of either (the second is refused and finds the first).
CREATE UNIQUE INDEX taxii_collections_single ON taxii_collections (kind) WHERE kind IN ('shared', 'intake');
