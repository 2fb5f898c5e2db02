//! Sign-in with the company's identity provider: OpenID Connect's authorization code flow with
//! PKCE and a nonce, through the `openidconnect` crate. The provider's configuration and keys are
//! discovered at each step (a sign-in is rare; a rotated key is picked up at once).
//!
//! `start` gives the address to send the browser to and what to keep until it comes back;
//! `finish` exchanges the code the provider sent back for an ID token, checks it (signature,
//! issuer, audience, expiry, nonce) and reads who signed in, asking the provider's userinfo
//! endpoint for what the ID token left out (many providers keep `email` there).

use std::time::Duration;

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, reqwest,
};

use crate::config::Config;

/// The id of the provider configured by environment, in addresses (`/auth/oidc/{id}/…`).
pub const PROVIDER_ID: &str = "oidc";

/// A provider members can sign in with.
#[derive(Clone)]
pub struct Provider {
    pub id: &'static str,
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    /// The button's words as staff set them; `None`: the app's own words.
    pub label: Option<String>,
    /// Take the provider's addresses as confirmed even where it does not say so.
    pub trust_email: bool,
    http: reqwest::Client,
}

/// Where to send the browser, and what to keep until it comes back.
pub struct Start {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Who signed in at the provider.
#[derive(Debug)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    /// The provider confirmed the address (or is trusted to, `trust_email`).
    pub email_verified: bool,
    pub name: Option<String>,
    pub preferred_username: Option<String>,
    pub locale: Option<String>,
}

/// Why a sign-in through the provider did not work.
#[derive(Debug)]
pub enum Failure {
    /// The provider could not be reached or answered nonsense: try again later.
    Unavailable(anyhow::Error),
    /// The provider refused the code (expired, used, not ours) or its token did not check out.
    Refused(anyhow::Error),
}

impl Provider {
    /// The provider of the configuration, if one is set; an error names what is missing.
    pub fn from_config(config: &Config) -> anyhow::Result<Option<Provider>> {
        let Some(issuer) = config.oidc_issuer.as_deref().filter(|issuer| !issuer.trim().is_empty()) else {
            return Ok(None);
        };
        let client_id = config
            .oidc_client_id
            .clone()
            .ok_or_else(|| anyhow::anyhow!("VECHE_OIDC_ISSUER is set: set VECHE_OIDC_CLIENT_ID too"))?;
        let client_secret = config
            .oidc_client_secret
            .clone()
            .ok_or_else(|| anyhow::anyhow!("VECHE_OIDC_ISSUER is set: set VECHE_OIDC_CLIENT_SECRET too"))?;
        let redirect = format!("{}/api/v1/auth/oidc/{PROVIDER_ID}/callback", config.public_url.trim_end_matches('/'));
        let http = reqwest::ClientBuilder::new()
            // Following redirects would let a provider's answer send this server anywhere.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .build()?;
        Ok(Some(Provider {
            id: PROVIDER_ID,
            issuer: IssuerUrl::new(issuer.trim().to_owned())
                .map_err(|error| anyhow::anyhow!("VECHE_OIDC_ISSUER is not a URL: {error}"))?,
            client_id: ClientId::new(client_id),
            client_secret: ClientSecret::new(client_secret),
            redirect: RedirectUrl::new(redirect)?,
            label: config.oidc_label.clone().filter(|label| !label.trim().is_empty()),
            trust_email: config.oidc_trust_email,
            http,
        }))
    }

    async fn metadata(&self) -> Result<CoreProviderMetadata, Failure> {
        CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|error| Failure::Unavailable(anyhow::anyhow!("discovery at {}: {error}", self.issuer.as_str())))
    }

    /// The provider's sign-in address for a new sign-in.
    pub async fn start(&self) -> Result<Start, Failure> {
        let metadata = self.metadata().await?;
        let client =
            CoreClient::from_provider_metadata(metadata, self.client_id.clone(), Some(self.client_secret.clone()))
                .set_redirect_uri(self.redirect.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Start {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges `code` for the verified identity of whoever signed in.
    pub async fn finish(&self, code: &str, nonce: &str, pkce_verifier: &str) -> Result<Identity, Failure> {
        let metadata = self.metadata().await?;
        let client =
            CoreClient::from_provider_metadata(metadata, self.client_id.clone(), Some(self.client_secret.clone()))
                .set_redirect_uri(self.redirect.clone());
        let request = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|error| Failure::Unavailable(anyhow::anyhow!("the provider has no token endpoint: {error}")))?;
        let tokens = request
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|error| match error {
                openidconnect::RequestTokenError::Request(error) => {
                    Failure::Unavailable(anyhow::anyhow!("the token request failed: {error}"))
                }
                other => Failure::Refused(anyhow::anyhow!("the provider refused the code: {other}")),
            })?;
        let id_token =
            tokens.id_token().ok_or_else(|| Failure::Refused(anyhow::anyhow!("the provider sent no ID token")))?;
        let verifier = client.id_token_verifier();
        let claims = id_token
            .claims(&verifier, &Nonce::new(nonce.to_owned()))
            .map_err(|error| Failure::Refused(anyhow::anyhow!("the ID token did not check out: {error}")))?;
        if let Some(expected) = claims.access_token_hash() {
            let refused =
                |error: &dyn std::fmt::Display| Failure::Refused(anyhow::anyhow!("access token hash: {error}"));
            let algorithm = id_token.signing_alg().map_err(|error| refused(&error))?;
            let key = id_token.signing_key(&verifier).map_err(|error| refused(&error))?;
            let actual =
                AccessTokenHash::from_token(tokens.access_token(), algorithm, key).map_err(|error| refused(&error))?;
            if actual != *expected {
                return Err(refused(&"the access token is not the one the ID token was issued with"));
            }
        }
        let mut identity = Identity {
            issuer: claims.issuer().as_str().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|email| email.as_str().to_owned()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims.name().and_then(|name| name.get(None)).map(|name| name.as_str().to_owned()),
            preferred_username: claims.preferred_username().map(|name| name.as_str().to_owned()),
            locale: claims.locale().map(|locale| locale.as_str().to_owned()),
        };
        if identity.email.is_none()
            && let Ok(request) = client.user_info(tokens.access_token().clone(), Some(claims.subject().clone()))
        {
            let info: CoreUserInfoClaims = request
                .request_async(&self.http)
                .await
                .map_err(|error| Failure::Unavailable(anyhow::anyhow!("userinfo: {error}")))?;
            identity.email = info.email().map(|email| email.as_str().to_owned());
            identity.email_verified = info.email_verified().unwrap_or(false);
            identity.name =
                identity.name.or_else(|| info.name().and_then(|name| name.get(None)).map(|n| n.as_str().to_owned()));
            identity.preferred_username =
                identity.preferred_username.or_else(|| info.preferred_username().map(|n| n.as_str().to_owned()));
            identity.locale = identity.locale.or_else(|| info.locale().map(|locale| locale.as_str().to_owned()));
        }
        identity.email_verified |= self.trust_email && identity.email.is_some();
        Ok(identity)
    }
}
