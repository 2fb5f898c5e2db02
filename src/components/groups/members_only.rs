use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use veche_api::groups::{GroupGate, MembersOnlyProblem};

use crate::api::{self, ApiError};
use crate::components::account::{register_href, sign_in_href};
use crate::components::feedback::{ErrorView, error_message};
use crate::i18n::messages::groups::Groups;
use crate::i18n::use_i18n;

/// What a guest or a non-member sees instead of a closed group's content: which group, and the
/// way in (sign in / register, or a request to its admins).
#[component]
pub fn MembersOnly(
    /// The refusal's account of the group.
    gate: GroupGate,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = move || location.pathname.get_untracked();
    let slug = gate.group.slug.clone();
    let request = Action::new_local(move |_: &()| {
        let slug = slug.clone();
        async move { api::groups::join(&slug).await }
    });
    let requested = move || gate.requested || matches!(request.value().get(), Some(Ok(_)));
    let failed = move || request.value().get().and_then(Result::err);
    let signed_in = gate.can_request || gate.requested;
    view! {
        <Title text=i18n.t(Groups::GateTitle) />
        <section class="members-only" aria-labelledby="members-only-title">
            <h1 id="members-only-title">{i18n.t(Groups::GateTitle)}</h1>
            <p>
                {i18n.t(Groups::GateText)}" "
                <A href=format!("/groups/{}", gate.group.slug)>{gate.group.name.clone()}</A>"."
            </p>
            {if signed_in {
                view! {
                    <p role="status" class="members-only__status">{move || requested().then(|| i18n.t(Groups::Requested))}</p>
                    <Show when=move || !requested()>
                        <button
                            type="button"
                            class="button"
                            disabled=move || request.pending().get()
                            on:click=move |_| {
                                request.dispatch(());
                            }
                        >
                            {i18n.t(Groups::RequestAccess)}
                        </button>
                    </Show>
                    {move || failed().map(|error| view! { <p class="form-alert__text" role="alert">{error_message(i18n, &error)}</p> })}
                }
                    .into_any()
            } else {
                view! {
                    <p>{i18n.t(Groups::GateGuest)}</p>
                    <p class="members-only__actions">
                        <A href=move || sign_in_href(&here()) attr:class="button">{i18n.t(Groups::SignIn)}</A>
                        <A href=move || register_href(&here()) attr:class="button button--secondary">
                            {i18n.t(Groups::Register)}
                        </A>
                    </p>
                }
                    .into_any()
            }}
        </section>
    }
}

/// How pages that show group content show a failed load (`Loaded`'s `failure`): a
/// `members_only` refusal becomes the members-only page, anything else the shared error view
/// with a retry.
pub fn gated_failure(error: Signal<ApiError>, retry: Callback<()>) -> AnyView {
    let gate = match error.get_untracked() {
        ApiError::MembersOnly(body) => serde_json::from_str::<MembersOnlyProblem>(&body).ok(),
        _ => None,
    };
    match gate {
        Some(problem) => view! { <MembersOnly gate=problem.group /> }.into_any(),
        None => view! { <ErrorView error=error on_retry=retry /> }.into_any(),
    }
}
