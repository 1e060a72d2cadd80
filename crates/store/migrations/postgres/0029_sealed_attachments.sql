-- The files of an end-to-end communication, encrypted in the sender's
-- browser: stored as `openpgp` (what they hold is known only to their
-- readers).
ALTER TABLE communication_attachments DROP CONSTRAINT communication_attachments_file_type_check;
ALTER TABLE communication_attachments ADD CONSTRAINT communication_attachments_file_type_check
    CHECK (file_type IN ('pdf', 'png', 'jpeg', 'text', 'openpgp'));
