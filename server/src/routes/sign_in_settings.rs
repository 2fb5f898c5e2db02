//! `/admin/sign-in`: staff decide how members sign in — passwords, the company's identity
//! provider, or both — unless the server's environment fixes it.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use veche_api::auth::{ProviderSettings, SignInSettings, SignInSettingsChange};
use veche_api::validate::{self, Issue};

use crate::db::sign_in_settings::SavedSignIn;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::session::Viewer;
use crate::oidc::{self, Provider, ProviderConfig};

const STAFF_ONLY: &str = "Only staff decide how members sign in.";

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/admin/sign-in", guard.wrap(get(show).put(change)))
}

async fn show(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<SignInSettings>> {
    viewer.require_staff(STAFF_ONLY)?;
    settings(&state).await.map(Json)
}

async fn change(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(change): JsonBody<SignInSettingsChange>,
) -> ApiResult<Json<SignInSettings>> {
    let me = viewer.require_staff(STAFF_ONLY)?;
    if state.sign_in_fixed.is_some() {
        return Err(ApiError::Conflict(
            "How members sign in is set in the server's configuration (VECHE_OIDC_ISSUER, VECHE_PASSWORD_SIGN_IN)."
                .into(),
        ));
    }
    let saved = state.db.sign_in_settings().await?;
    let saved_secret = saved.provider.as_ref().map(|provider| provider.client_secret.clone());
    validate::sign_in_settings(&change, saved_secret.is_some()).into_result().map_err(ApiError::Validation)?;
    let provider = match &change.provider {
        Some(provider) => {
            let config = ProviderConfig {
                issuer: provider.issuer.trim().to_owned(),
                client_id: provider.client_id.trim().to_owned(),
                client_secret: match provider.new_secret() {
                    Some(secret) => secret.to_owned(),
                    None => saved_secret.unwrap_or_default(),
                },
                label: provider.label().map(str::to_owned),
                trust_email: provider.trust_email,
            };
            let candidate = Provider::new(&config, &state.config.public_url, state.oidc_http.clone())
                .map_err(|_| ApiError::field("provider.issuer", Issue::UrlFormat))?;
            if let Err(failure) = candidate.check().await {
                tracing::info!(?failure, issuer = config.issuer, "staff gave an issuer that does not answer discovery");
                return Err(ApiError::field("provider.issuer", Issue::ProviderUnreachable));
            }
            Some(config)
        }
        None => None,
    };
    if !change.password {
        // Checked above: without passwords there is a provider.
        let issuer = provider.as_ref().map(|provider| provider.issuer.as_str()).unwrap_or_default();
        if !state.db.has_identity_at(me.id, issuer).await? {
            return Err(ApiError::field("password", Issue::WouldLockOut));
        }
    }
    state.db.save_sign_in_settings(&SavedSignIn { password: change.password, provider }, me.id).await?;
    tracing::info!(member = me.id, password = change.password, "staff changed how members sign in");
    settings(&state).await.map(Json)
}

async fn settings(state: &AppState) -> ApiResult<SignInSettings> {
    let redirect_url = oidc::redirect_url(&state.config.public_url);
    if let Some(fixed) = &state.sign_in_fixed {
        return Ok(SignInSettings {
            editable: false,
            password: fixed.password,
            provider: fixed.provider.as_ref().map(|provider| provider_settings(&provider.config)),
            redirect_url,
        });
    }
    let saved = state.db.sign_in_settings().await?;
    Ok(SignInSettings {
        editable: true,
        password: saved.password,
        provider: saved.provider.as_ref().map(provider_settings),
        redirect_url,
    })
}

/// What staff see of a provider: everything but the secret.
fn provider_settings(config: &ProviderConfig) -> ProviderSettings {
    ProviderSettings {
        issuer: config.issuer.clone(),
        client_id: config.client_id.clone(),
        has_secret: !config.client_secret.is_empty(),
        label: config.label.clone(),
        trust_email: config.trust_email,
    }
}
