use leptos::prelude::*;
use veche_api::community::Community;

use crate::api::{self, ApiResult};
use crate::components::members::{FilePicker, picked_file, picture_problem, upload_failure};
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;
use crate::state::community::use_community;

/// The community's logo: pick a file (sent as it is; the server checks it, encodes it again and
/// makes it fit 256 pixels), or remove it. The header follows at once.
#[component]
pub fn LogoEditor(
    /// The logo the community has now.
    logo_url: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    let logo = RwSignal::new(logo_url);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Settings>);
    let problem = RwSignal::new(None::<String>);

    let finish = move |result: ApiResult<Community>, done: Settings| {
        busy.set(false);
        match result {
            Ok(updated) => {
                logo.set(updated.logo_url);
                status.set(Some(done));
                community.reload();
            }
            Err(error) => problem.set(Some(upload_failure(i18n, &error))),
        }
    };
    let on_pick = move |event: leptos::ev::Event| {
        status.set(None);
        problem.set(None);
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = picked_file(&input) else { return };
        input.set_value("");
        if let Some(issue) = picture_problem(file.size(), &file.type_(), false) {
            problem.set(Some(i18n.t(issue).to_owned()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::community::upload_logo(&file, &file.type_()).await;
            finish(result, Settings::LogoSaved);
        });
    };
    let remove = move |_| {
        status.set(None);
        problem.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move { finish(api::community::remove_logo().await, Settings::LogoRemoved) });
    };

    view! {
        <section class="settings__section" aria-labelledby="logo-heading">
            <h2 id="logo-heading">{i18n.t(Settings::LogoHeading)}</h2>
            <div class="logo-editor">
                {move || match logo.get() {
                    Some(url) => view! {
                        <img class="logo-editor__preview" src=api::client::media_url(&url) alt=i18n.t(Settings::CurrentLogo) width="96" height="96" />
                    }.into_any(),
                    None => view! { <p class="logo-editor__none">{i18n.t(Settings::NoLogo)}</p> }.into_any(),
                }}
                <div class="logo-editor__actions">
                    <p class="field__hint" id="logo-file-hint">{i18n.t(Settings::LogoHint)}</p>
                    <FilePicker
                        id="logo-file"
                        label=i18n.t(Settings::ChooseLogo)
                        accept="image/png,image/jpeg,image/gif,image/webp"
                        described_by="logo-file-hint"
                        on_change=Callback::new(on_pick)
                    />
                    {move || logo.with(Option::is_some).then(|| view! {
                        <button type="button" class="button button--ghost button--small" disabled=move || busy.get() on:click=remove>
                            {i18n.t(Settings::RemoveLogo)}
                        </button>
                    })}
                </div>
            </div>
            <p role="status" class="logo-editor__status">{move || status.get().map(|done| i18n.t(done))}</p>
            <p class="form-problem" role="alert">{move || problem.get()}</p>
        </section>
    }
}
