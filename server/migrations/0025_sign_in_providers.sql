-- Sign-in with an identity provider (OpenID Connect).

-- A sign-in on its way through the provider: kept from the start (the browser goes to the
-- provider) until the provider sends the browser back, used once, and only for a few minutes.
-- Only hashes of the state and of the browser's binding cookie are kept.
CREATE TABLE oidc_sign_ins (
    state_hash    TEXT PRIMARY KEY,
    browser_hash  TEXT NOT NULL,          -- the cookie set at the start: the same browser must finish
    provider      TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next          TEXT NOT NULL,          -- the app's address to return to
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);

-- Which provider account is which member: (issuer, subject) is the provider's stable id.
CREATE TABLE member_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    email      TEXT,
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX member_identities_member ON member_identities(member_id);
