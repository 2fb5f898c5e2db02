//! How members sign in, as staff set it: passwords, the identity provider, or both.

use super::Db;
use crate::clock;
use crate::oidc::ProviderConfig;

/// The saved sign-in ways; with nothing saved, passwords only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSignIn {
    pub password: bool,
    pub provider: Option<ProviderConfig>,
}

type Row = (bool, Option<String>, Option<String>, Option<String>, Option<String>, bool);

impl Db {
    pub async fn sign_in_settings(&self) -> anyhow::Result<SavedSignIn> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT password_sign_in, oidc_issuer, oidc_client_id, oidc_client_secret, oidc_label, oidc_trust_email
             FROM sign_in_settings WHERE id = 1",
        )
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        let Some((password, issuer, client_id, client_secret, label, trust_email)) = row else {
            return Ok(SavedSignIn { password: true, provider: None });
        };
        let provider = match (issuer, client_id, client_secret) {
            (Some(issuer), Some(client_id), Some(client_secret)) => {
                Some(ProviderConfig { issuer, client_id, client_secret, label, trust_email })
            }
            _ => None,
        };
        // Saved settings never leave members without a way in.
        Ok(SavedSignIn { password: password || provider.is_none(), provider })
    }

    pub async fn save_sign_in_settings(&self, saved: &SavedSignIn, by: i64) -> anyhow::Result<()> {
        let provider = saved.provider.as_ref();
        sqlx::query(
            "INSERT INTO sign_in_settings (id, password_sign_in, oidc_issuer, oidc_client_id, oidc_client_secret,
                                           oidc_label, oidc_trust_email, updated_at, updated_by)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET
                 password_sign_in = excluded.password_sign_in, oidc_issuer = excluded.oidc_issuer,
                 oidc_client_id = excluded.oidc_client_id, oidc_client_secret = excluded.oidc_client_secret,
                 oidc_label = excluded.oidc_label, oidc_trust_email = excluded.oidc_trust_email,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(saved.password)
        .bind(provider.map(|p| &p.issuer))
        .bind(provider.map(|p| &p.client_id))
        .bind(provider.map(|p| &p.client_secret))
        .bind(provider.and_then(|p| p.label.as_ref()))
        .bind(provider.is_some_and(|p| p.trust_email))
        .bind(clock::now())
        .bind(by)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Whether the member has signed in through the provider with this issuer.
    pub async fn has_identity_at(&self, member_id: i64, issuer: &str) -> anyhow::Result<bool> {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM member_identities WHERE member_id = ? AND issuer = ? LIMIT 1")
                .bind(member_id)
                .bind(issuer)
                .fetch_optional(&mut *self.conn().await?)
                .await?;
        Ok(found.is_some())
    }
}
