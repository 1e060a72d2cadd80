-- Accounts, their second factor and sessions, API tokens, sign-in throttling
-- and job leases. Times are BIGINT Unix seconds (see `to_db_time`), so that
-- comparisons mean the same on SQLite and PostgreSQL.

CREATE TABLE accounts (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL CHECK (kind IN (
                       'secretariat', 'nominator', 'diplomatic_poc',
                       'technical_poc', 'reporter', 'auditor')),
    participant    TEXT    NULL,
    display_name   TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    totp_secret    TEXT    NULL,
    totp_enrolled  BOOLEAN NOT NULL DEFAULT false,
    -- Replay guard: the last TOTP time step accepted.
    totp_last_step BIGINT  NULL,
    demo           BOOLEAN NOT NULL DEFAULT false,
    disabled       BOOLEAN NOT NULL DEFAULT false,
    created_at     BIGINT  NOT NULL
);

CREATE TABLE recovery_codes (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  TEXT    NOT NULL,
    used_at    BIGINT  NULL,
    UNIQUE (account_id, code_hash)
);

CREATE TABLE sessions (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash     TEXT    NOT NULL UNIQUE,
    account_id     BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mfa_done       BOOLEAN NOT NULL DEFAULT false,
    created_at     BIGINT  NOT NULL,
    last_seen_at   BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL,
    user_agent     TEXT    NOT NULL,
    client_address TEXT    NOT NULL
);
CREATE INDEX sessions_account_id ON sessions (account_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    scopes       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    revoked_at   BIGINT  NULL,
    last_used_at BIGINT  NULL
);
CREATE INDEX api_tokens_account_id ON api_tokens (account_id);

CREATE TABLE login_failures (
    id  BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT    NOT NULL,
    at  BIGINT  NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
-- For the periodic purge of old failures across all keys.
CREATE INDEX login_failures_at ON login_failures (at);

CREATE TABLE job_leases (
    name       TEXT   PRIMARY KEY,
    holder     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
