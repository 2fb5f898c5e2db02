use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// What to tell the member about a failed request.
pub fn error_text(error: &ApiError) -> Common {
    match error {
        ApiError::Network => Common::ErrorNetwork,
        ApiError::Server { .. } => Common::ErrorServer,
        ApiError::InvalidResponse => Common::ErrorInvalid,
        ApiError::RateLimited { .. } => Common::ErrorRateLimited,
        ApiError::NotFound | ApiError::LinkUnusable(_) => Common::ErrorNotFound,
        ApiError::Forbidden { code: veche_api::ProblemCode::EmailUnconfirmed, .. } => Common::ErrorEmailUnconfirmed,
        ApiError::Forbidden { code: veche_api::ProblemCode::ApprovalPending, .. } => Common::ApprovalPending,
        ApiError::Forbidden { code: veche_api::ProblemCode::InvitationRequired, .. } => Common::InvitationRequired,
        ApiError::Forbidden { .. } | ApiError::MembersOnly(_) => Common::ErrorForbidden,
        ApiError::Unauthorized => Common::ErrorUnauthorized,
        ApiError::Conflict { code: veche_api::ProblemCode::IdempotencyInProgress, .. } => Common::ErrorStillRunning,
        ApiError::Conflict { .. } => Common::ErrorConflict,
        ApiError::Validation { .. } => Common::ErrorFixFields,
    }
}

/// The one error state every page uses: what went wrong, and a retry when retrying can help.
#[component]
pub fn ErrorView(
    /// The failure to explain.
    #[prop(into)]
    error: Signal<ApiError>,
    /// Runs again what failed; without it no button is shown.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__text">{move || i18n.t(error_text(&error.get()))}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                    {i18n.t(Common::TryAgain)}
                </button>
            })}
        </div>
    }
}

/// `ErrorBoundary` fallback showing the first error with a retry.
pub fn errors_fallback(retry: Callback<()>) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Send + Clone + 'static {
    move |errors: ArcRwSignal<Errors>| {
        let error = Signal::derive(move || {
            errors
                .get()
                .iter()
                .find_map(|(_, e)| e.downcast_ref::<ApiError>().cloned())
                .unwrap_or(ApiError::InvalidResponse)
        });
        view! { <ErrorView error=error on_retry=retry /> }.into_any()
    }
}
