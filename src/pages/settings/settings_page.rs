use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::community::Community;

use super::logo_editor::LogoEditor;
use super::settings_form::SettingsForm;
use crate::components::feedback::{ErrorView, Loading, StaffOnly};
use crate::i18n::messages::names_admin::NamesAdmin;
use crate::i18n::messages::settings::Settings;
use crate::i18n::messages::sign_in_admin::SignInAdmin;
use crate::i18n::use_i18n;
use crate::state::community::use_community;

/// `/admin/settings` (staff): the community's name, look, language, time, areas and who may
/// join. Saving changes what everyone reads from the API at once.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    // The form is built once from the community as loaded; saving reloads the shared state
    // (header, title, colours) without rebuilding the form under the staff member's hands.
    let first =
        Memo::new(move |previous: Option<&Option<Community>>| previous.cloned().flatten().or_else(|| community.get()));
    let failure = move || community.resource.get().and_then(Result::err);
    view! {
        <Title text=i18n.t(Settings::Title) />
        <StaffOnly>
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Settings::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Settings::Intro)}</p>
                    <p class="page-head__intro">
                        <A href="/admin/sign-in">{i18n.t(SignInAdmin::Title)}</A>" · "
                        <A href="/admin/names">{i18n.t(NamesAdmin::Title)}</A>
                    </p>
                </div>
            </header>
            // Only the first load's failure matters here: reading the resource once the form is
            // shown would rebuild it (and the logo editor) on every reload after a save.
            {move || match first.get().ok_or_else(failure) {
                Ok(current) => view! {
                    <div class="settings">
                        <LogoEditor logo_url=current.logo_url.clone() />
                        <SettingsForm community=current />
                    </div>
                }
                .into_any(),
                Err(Some(error)) => {
                    view! { <ErrorView error=error on_retry=Callback::new(move |_| community.reload()) /> }.into_any()
                }
                Err(None) => Loading().into_any(),
            }}
        </StaffOnly>
    }
}
