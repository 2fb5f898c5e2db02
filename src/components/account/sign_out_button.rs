use leptos::prelude::*;

use crate::api;
use crate::components::feedback::error_message;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// Signs out of this browser and loads the home page afresh (nothing of the member stays in
/// the page's memory); a failure says why beside the button, which can be pressed again.
#[component]
pub fn SignOutButton(
    /// Extra classes of the button (the account menu's item, the account page's button).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let sign_out = Action::new_local(|_: &()| api::auth::logout());
    let failure = RwSignal::new(None::<String>);
    Effect::new(move |_| match sign_out.value().get() {
        Some(Ok(_)) => {
            let _ = window().location().set_href("/");
        }
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    view! {
        <button
            type="button"
            class=format!("button button--secondary {class}")
            disabled=move || sign_out.pending().get()
            on:click=move |_| {
                failure.set(None);
                sign_out.dispatch(());
            }
        >
            {move || if sign_out.pending().get() { i18n.t(Common::SigningOut) } else { i18n.t(Common::SignOut) }}
        </button>
        <p class="sign-out__failure" role="alert">{move || failure.get()}</p>
    }
}
