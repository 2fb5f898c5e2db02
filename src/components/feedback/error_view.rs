use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::i18n::messages::common::Common;
use crate::i18n::{I18n, use_i18n};

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

/// The server's own words for a refusal (the problem's `detail`: "Only staff start threads in
/// the news…"), which say more than the generic line; `None` when it gave none.
pub fn error_detail(error: &ApiError) -> Option<String> {
    match error {
        ApiError::Forbidden { detail, .. }
        | ApiError::Conflict { detail, .. }
        | ApiError::Validation { detail, .. } => {
            detail.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned)
        }
        _ => None,
    }
}

/// One line for a failed write: what went wrong, then the server's reason when it gave one.
pub fn error_message(i18n: I18n, error: &ApiError) -> String {
    let text = i18n.t(error_text(error));
    match error_detail(error) {
        Some(detail) => format!("{text} {detail}"),
        None => text.to_owned(),
    }
}

/// Sending the same request again can help: the network, the server or a proxy failed, not the
/// request itself. A missing page or a refusal stays what it is however often it is retried.
pub fn retry_helps(error: &ApiError) -> bool {
    error.is_transient() || matches!(error, ApiError::InvalidResponse)
}

/// The list a missing item of `path` would have been in (`/threads/39` → all threads).
pub fn list_for(path: &str) -> Option<(&'static str, Common)> {
    let section = path.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or_default();
    Some(match section {
        "threads" | "replies" => ("/threads", Common::AllThreads),
        "ideas" | "ballots" => ("/ideas", Common::AllIdeas),
        "events" => ("/events", Common::AllEvents),
        "members" => ("/members", Common::AllMembers),
        "groups" => ("/groups", Common::AllGroups),
        "kb" => ("/kb", Common::AllArticles),
        _ => return None,
    })
}

/// Where to go from something that is not there: the home page, search, and the list it would
/// have been in (from the address shown).
#[component]
pub fn NotFoundWays() -> impl IntoView {
    let i18n = use_i18n();
    let list = list_for(&use_location().pathname.get_untracked());
    view! {
        <nav class="error-view__ways" aria-label=i18n.t(Common::WhereNext)>
            <A href="/" attr:class="button">{i18n.t(Common::GoHome)}</A>
            <A href="/search" attr:class="button button--secondary">{i18n.t(Common::SearchCommunity)}</A>
            {list.map(|(href, text)| view! { <A href=href attr:class="button button--secondary">{i18n.t(text)}</A> })}
        </nav>
    }
}

/// The one error state every page uses: what went wrong (with the server's reason when it gave
/// one), a retry when retrying can help, and ways on when the thing is not there.
#[component]
pub fn ErrorView(
    /// The failure to explain.
    #[prop(into)]
    error: Signal<ApiError>,
    /// Runs again what failed; shown only for failures a retry can fix (network, server).
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__text">{move || i18n.t(error_text(&error.get()))}</p>
            {move || error_detail(&error.get()).map(|detail| view! { <p class="error-view__detail">{detail}</p> })}
            {move || match error.get() {
                ApiError::NotFound => Some(Either::Left(view! { <NotFoundWays /> })),
                failure if retry_helps(&failure) => on_retry.map(|retry| Either::Right(view! {
                    <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                        {i18n.t(Common::TryAgain)}
                    </button>
                })),
                _ => None,
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use veche_api::ProblemCode;

    use super::*;

    #[test]
    fn a_missing_item_leads_back_to_its_list() {
        assert_eq!(list_for("/threads/39").map(|l| l.0), Some("/threads"));
        assert_eq!(list_for("/ideas/7?x=1").map(|l| l.0), Some("/ideas"));
        assert_eq!(list_for("/groups/partner-council").map(|l| l.0), Some("/groups"));
        assert_eq!(list_for("/kb/articles/3").map(|l| l.0), Some("/kb"));
        assert_eq!(list_for("/members/nobody").map(|l| l.0), Some("/members"));
        assert_eq!(list_for("/events/12").map(|l| l.0), Some("/events"));
        assert_eq!(list_for("/nowhere"), None);
        assert_eq!(list_for("/"), None);
    }

    #[test]
    fn only_failures_of_the_way_there_are_worth_a_retry() {
        assert!(retry_helps(&ApiError::Network));
        assert!(retry_helps(&ApiError::Server { status: 502 }));
        assert!(!retry_helps(&ApiError::NotFound));
        assert!(!retry_helps(&ApiError::Forbidden { code: ProblemCode::Forbidden, detail: None }));
    }

    #[test]
    fn the_servers_reason_is_kept_for_refusals() {
        let forbidden =
            ApiError::Forbidden { code: ProblemCode::Forbidden, detail: Some("Only staff start threads here.".into()) };
        assert_eq!(error_detail(&forbidden).as_deref(), Some("Only staff start threads here."));
        let blank = ApiError::Conflict { code: ProblemCode::Unknown, detail: Some("  ".into()) };
        assert_eq!(error_detail(&blank), None);
        let invalid = ApiError::Validation {
            code: ProblemCode::Unknown,
            fields: BTreeMap::new(),
            title: String::new(),
            detail: Some("The date is over.".into()),
        };
        assert_eq!(error_detail(&invalid).as_deref(), Some("The date is over."));
        assert_eq!(error_detail(&ApiError::Network), None);
    }
}
