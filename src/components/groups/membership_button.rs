use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use veche_api::groups::{Group, GroupKind, Membership};

use crate::api;
use crate::components::account::sign_in_href;
use crate::components::feedback::error_message;
use crate::i18n::messages::groups::Groups;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// What the viewer can do about their membership: join (open), request access (closed),
/// withdraw a request or leave; a guest is sent to sign in. The group shown changes with the
/// answer.
#[component]
pub fn MembershipButton(
    /// The group, updated in place after joining or leaving.
    group: RwSignal<Group>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let change = Action::new_local(move |join: &bool| {
        let (join, slug) = (*join, group.with_untracked(|g| g.slug.clone()));
        async move {
            if join {
                api::groups::join(&slug).await
            } else {
                api::groups::leave(&slug).await?;
                api::groups::group(&slug).await
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(updated)) = change.value().get() {
            group.set(updated);
        }
    });
    let failed = move || change.value().get().and_then(Result::err);
    let button = move |label: Groups, join: bool, primary: bool| {
        view! {
            <button
                type="button"
                class=if primary { "button button--small" } else { "button button--secondary button--small" }
                disabled=move || change.pending().get()
                on:click=move |_| {
                    change.dispatch(join);
                }
            >
                {i18n.t(label)}
            </button>
        }
    };
    view! {
        <div class="membership">
            {move || {
                if session.signed_in() != Some(true) {
                    // Untracked: read when the link is drawn. Tracking the address re-ran this
                    // for a guest while a navigation tore the page down, and trapped.
                    let href = sign_in_href(&location.pathname.get_untracked());
                    return view! { <A href=href>{i18n.t(Groups::SignInToJoin)}</A> }.into_any();
                }
                let (membership, kind) = group.with(|g| (g.membership, g.kind));
                match membership {
                    Membership::Member | Membership::Admin => view! {
                        <span class="membership__state">
                            {i18n.t(if membership == Membership::Admin { Groups::Admin } else { Groups::Member })}
                        </span>
                        {button(Groups::Leave, false, false)}
                    }
                        .into_any(),
                    Membership::Requested => view! {
                        <span class="membership__state" role="status">{i18n.t(Groups::Requested)}</span>
                        {button(Groups::WithdrawRequest, false, false)}
                    }
                        .into_any(),
                    _ if kind == GroupKind::Closed => button(Groups::RequestAccess, true, true).into_any(),
                    _ => button(Groups::Join, true, true).into_any(),
                }
            }}
            {move || failed().map(|error| view! { <p class="form-alert__text" role="alert">{error_message(i18n, &error)}</p> })}
        </div>
    }
}
