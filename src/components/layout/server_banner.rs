use leptos::prelude::*;

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;
use crate::state::community::use_community;
use crate::state::session::{SessionStatus, use_session};

/// Says so plainly when the server cannot be reached on start, with a retry, instead of a
/// blank or half-broken page.
#[component]
pub fn ServerBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let community = use_community();
    let failed = move || {
        matches!(session.status(), SessionStatus::Failed(_))
            || community.resource.get().is_some_and(|result| result.is_err())
    };
    let retry = move |_| {
        community.resource.refetch();
        session.reload();
    };
    view! {
        <Show when=failed>
            <div class="server-banner" role="alert">
                <p class="server-banner__text">{i18n.t(Common::ServerUnreachableBanner)}</p>
                <button type="button" class="button button--small" on:click=retry>
                    {i18n.t(Common::TryAgain)}
                </button>
            </div>
        </Show>
    }
}
