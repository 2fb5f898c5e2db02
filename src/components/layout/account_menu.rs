use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::auth::Account;
use wasm_bindgen::JsCast;

use crate::api::url::encode;
use crate::components::account::SignOutButton;
use crate::components::members::Avatar;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// The signed-in member in the header: a button with their picture and name that opens their
/// menu (their account, their profile, sign out). A disclosure: Escape closes it and gives the
/// focus back to the button; leaving it or following one of its links closes it.
#[component]
pub fn AccountMenu(
    /// Who is signed in.
    account: Account,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // The focus went somewhere outside the menu (Tab past its end, a click elsewhere): close.
    let on_focusout = move |event: leptos::ev::FocusEvent| {
        let to = event.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = menu.get_untracked().is_some_and(|menu| to.is_some_and(|to| menu.contains(Some(&to))));
        if !inside {
            open.set(false);
        }
    };
    let close = move |_: leptos::ev::MouseEvent| open.set(false);
    let member = account.member;
    let profile = format!("/members/{}", encode(&member.handle));

    view! {
        <div class="account-menu" node_ref=menu on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="site-header__account"
                node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="account-menu-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=32 />
                <span class="site-header__account-name">{member.display_name.clone()}</span>
                <span class="visually-hidden">" — "{i18n.t(Common::AccountMenu)}</span>
                <span class="account-menu__caret" aria-hidden="true">"▾"</span>
            </button>
            <ul id="account-menu-list" class="account-menu__list" hidden=move || !open.get()>
                // Following a link closes the menu (the header stays while the page changes).
                <li on:click=close><A href="/account" attr:class="account-menu__link">{i18n.t(Common::AccountTitle)}</A></li>
                <li on:click=close><A href=profile attr:class="account-menu__link">{i18n.t(Common::YourProfile)}</A></li>
                <li class="account-menu__sign-out"><SignOutButton class="account-menu__button" /></li>
            </ul>
        </div>
    }
}
