use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api;
use crate::api::url::encode;
use crate::components::account::{EmailStatus, SignOutButton};
use crate::components::members::{Avatar, RoleBadge};
use crate::i18n::messages::account::Accounts;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::members::Members;
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// The signed-in member's own page (protected: guests are sent to sign in first).
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();

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
            <section class="privacy-data" aria-labelledby="your-data-title">
                <h2 id="your-data-title">{i18n.t(Privacy::DataTitle)}</h2>
                <p>{i18n.t(Privacy::DataIntro)}</p>
                <p class="privacy-data__links">
                    <a class="button button--secondary" href=api::privacy::my_archive_url() download="">{i18n.t(Privacy::DownloadArchive)}</a>
                    <A href="/account/delete">{i18n.t(Privacy::DeleteLink)}</A>
                    {move || session.account().is_some_and(|a| a.member.access.is_staff()).then(|| view! {
                        <A href="/admin/privacy">{i18n.t(Privacy::AdminLink)}</A>
                    })}
                </p>
            </section>
            <SignOutButton />
        </section>
    }
}
