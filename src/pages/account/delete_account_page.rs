use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{self};
use crate::components::feedback::Loaded;
use crate::components::privacy::DeletionForm;
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;

/// `/account/delete`: what deleting the account does here (the community's choice for the
/// content), a last offer of the archive, and the password that confirms it. Once done, a full
/// load of the goodbye page: nothing of the member stays in the page's memory.
#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(api::privacy::settings);
    let on_deleted = Callback::new(|_| {
        let _ = window().location().set_href("/account/deleted");
    });
    view! {
        <Title text=i18n.t(Privacy::DeleteTitle) />
        <section class="account-page">
            <h1>{i18n.t(Privacy::DeleteTitle)}</h1>
            <p>
                {i18n.t(Privacy::DownloadFirst)}" "
                <a href=api::privacy::my_archive_url() download="">{i18n.t(Privacy::DownloadArchive)}</a>
            </p>
            <Loaded resource=settings let:settings>
                {view! {
                    <DeletionForm choice=settings.deleted_content on_deleted=on_deleted />
                    }}
            </Loaded>
            <p class="privacy-keep">
                <A href="/account" attr:class="button button--secondary">{i18n.t(Privacy::KeepAccount)}</A>
            </p>
        </section>
    }
}
