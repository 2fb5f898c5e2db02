-- How members sign in, as staff set it on /admin/sign-in (unless the server's environment fixes
-- it: VECHE_OIDC_ISSUER or VECHE_PASSWORD_SIGN_IN). One row at most; none means passwords only.
CREATE TABLE sign_in_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    password_sign_in   INTEGER NOT NULL,
    oidc_issuer        TEXT,               -- NULL: no identity provider
    oidc_client_id     TEXT,
    oidc_client_secret TEXT,
    oidc_label         TEXT,
    oidc_trust_email   INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT NOT NULL,
    updated_by         INTEGER REFERENCES members(id) ON DELETE SET NULL
);
