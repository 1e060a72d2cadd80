-- Security keys and passkeys (WebAuthn), a second factor beside TOTP.
-- `credential_id` (base64url) is unique across accounts: a credential
-- belongs to one account only. `credential` is what the server keeps to
-- check the key's answers (webauthn-rs's JSON: public key, signature
-- counter); it holds no secret.
CREATE TABLE security_keys (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    credential_id TEXT    NOT NULL UNIQUE,
    credential    TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT  NULL
);
CREATE INDEX security_keys_account_id ON security_keys (account_id);

-- A half-done WebAuthn ceremony (its challenge), kept on the server
-- between the options sent to the browser and its answer: at most one per
-- session, taken (deleted) by the answer, gone with its session.
CREATE TABLE webauthn_ceremonies (
    session_id BIGINT  PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('register', 'sign_in')),
    state      TEXT    NOT NULL,
    expires_at BIGINT  NOT NULL
);
