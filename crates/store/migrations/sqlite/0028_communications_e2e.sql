-- Communications encrypted end to end in the sender's browser: `content`
-- then holds (sealed, as always) an OpenPGP message only the recipients and
-- the sender can open; the server never had the plaintext. Metadata, so
-- the secretariat and every page can say so without reading anything.
ALTER TABLE communications ADD COLUMN e2e BOOLEAN NOT NULL DEFAULT false;
