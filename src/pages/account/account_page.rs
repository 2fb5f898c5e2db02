use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api;
use crate::api::url::encode;
use crate::components::account::EmailStatus;
use crate::components::form::{FormAlert, FormState};
use crate::components::member::{Avatar, RoleBadge};
use crate::i18n::messages::account::Accounts;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// The signed-in member's own page (protected: guests are sent to sign in first).
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let sign_out = Action::new_local(|_: &()| api::auth::logout());
    Effect::new(move |_| {
        let Some(result) = sign_out.value().get() else {
            return;
        };
        match result {
            // A full load of the home page: nothing of this member stays in the page's memory.
            Ok(_) => {
                let _ = window().location().set_href("/");
            }
            Err(error) => form.show_error(&error),
        }
    });

    view! {
        <Title text=i18n.t(Common::AccountTitle) />
        <section class="account-page">
            <h1>{i18n.t(Common::AccountTitle)}</h1>
            {move || session.account().map(|account| {
                let status = view! { <EmailStatus account=account.clone() /> };
                let member = account.member;
                view! {
                    <div class="account-card">
                        <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=64 />
                        <div class="account-card__body">
                            <p class="account-card__label">{i18n.t(Common::SignedInAs)}</p>
                            <p class="account-card__name">{member.display_name.clone()}</p>
                            <p class="account-card__handle">"@"{member.handle.clone()}</p>
                            <p class="account-card__email">{account.email.clone()}</p>
                            {status}
                            <RoleBadge role=member.role access=member.access />
                            <p class="account-card__links">
                                <A href="/account/profile">{i18n.t(Members::EditProfile)}</A>
                                <A href=format!("/members/{}", encode(&member.handle))>{i18n.t(Members::ViewProfile)}</A>
                                <A href="/account/security">{i18n.t(Accounts::SecurityLink)}</A>
                                <A href="/account/notifications">{i18n.t(Accounts::MailTitle)}</A>
                            </p>
                        </div>
                    </div>
                }
            })}
            <FormAlert message=form.alert() />
            <button
                type="button"
                class="button button--secondary"
                disabled=move || sign_out.pending().get()
                on:click=move |_| { sign_out.dispatch(()); }
            >
                {move || if sign_out.pending().get() { i18n.t(Common::SigningOut) } else { i18n.t(Common::SignOut) }}
            </button>
        </section>
    }
}
