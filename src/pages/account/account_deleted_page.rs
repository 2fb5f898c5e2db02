use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;

/// `/account/deleted`: where a member lands after deleting their account (signed out).
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Privacy::DeletedTitle) />
        <section class="account-page">
            <h1>{i18n.t(Privacy::DeletedTitle)}</h1>
            <p role="status">{i18n.t(Privacy::DeletedText)}</p>
            <p><a href="/" class="button">{i18n.t(Privacy::ToHome)}</a></p>
        </section>
    }
}
