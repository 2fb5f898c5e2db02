use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::ProblemCode;

use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// Why a mailed link did not work (expired, used, not valid) and what to do next.
#[component]
pub fn LinkProblem(
    /// `link_expired`, `link_used` or `link_invalid`.
    code: ProblemCode,
    /// The next step, in words.
    next_step: Accounts,
    /// Where the next step is taken.
    href: &'static str,
    /// The link's text.
    action: Accounts,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = match code {
        ProblemCode::LinkExpired => Accounts::LinkExpired,
        ProblemCode::LinkUsed => Accounts::LinkUsed,
        _ => Accounts::LinkInvalid,
    };
    view! {
        <div class="link-problem" role="alert">
            <p class="link-problem__reason">{i18n.t(reason)}</p>
            <p>{i18n.t(next_step)}</p>
            <p><A href=href attr:class="button">{i18n.t(action)}</A></p>
        </div>
    }
}
