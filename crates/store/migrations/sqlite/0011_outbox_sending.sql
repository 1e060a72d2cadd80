-- Mail exactly once: a sender claims a batch under a token of its own and,
-- just before handing one mail to the relay, marks it as being sent
-- (`send_started_at`) if the claim is still its own. A sender whose lease
-- ran out while it worked through a slow batch finds its token replaced and
-- leaves the mail to the new claimer, instead of sending it a second time.
-- A mail still queued with `send_started_at` set when its lease runs out was
-- interrupted mid-send (the sender died): it is sent again, with the same
-- Message-ID, and counted as such.
ALTER TABLE outbox ADD COLUMN claim_token TEXT NULL;
ALTER TABLE outbox ADD COLUMN send_started_at BIGINT NULL;
