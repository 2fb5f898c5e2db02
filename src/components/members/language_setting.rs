use leptos::prelude::*;
use veche_api::Locale;
use veche_api::auth::AccountUpdate;

use crate::api;
use crate::components::feedback::error_message;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::members::Members;
use crate::i18n::{Text, use_i18n};
use crate::state::session::use_session;

/// The language of one's account (pages, e-mails, notifications), kept by the server; saving
/// it also switches this browser to it.
#[component]
pub fn LanguageSetting(
    /// The language the account has now.
    locale: Locale,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let chosen = RwSignal::new(locale);
    let problem = RwSignal::new(None::<String>);
    let save_language = Action::new_local(move |&locale: &Locale| async move {
        match api::auth::update_account(&AccountUpdate { locale: Some(locale) }).await {
            Ok(updated) => {
                session.accept(updated);
                // The app is rebuilt in the language (this page too, from its draft).
                i18n.set_locale(locale);
            }
            Err(error) => problem.set(Some(error_message(i18n, &error))),
        }
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        problem.set(None);
        save_language.dispatch(chosen.get_untracked());
    };
    view! {
        <section class="profile-editor__section" aria-labelledby="language-heading">
            <h2 id="language-heading">{i18n.t(Common::Language)}</h2>
            <form class="language-setting" on:submit=save>
                <div class="field">
                    <label class="field__label" for="account-language">{i18n.t(Members::AccountLanguage)}</label>
                    <p class="field__hint" id="account-language-hint">{i18n.t(Members::AccountLanguageHint)}</p>
                    <select
                        id="account-language"
                        class="field__select"
                        aria-describedby="account-language-hint"
                        on:change=move |event| {
                            if let Some(locale) = Locale::from_tag(&event_target_value(&event)) {
                                chosen.set(locale);
                            }
                        }
                    >
                        {Locale::ALL.iter().map(|&option| view! {
                            <option value=option.tag() lang=option.tag() selected=option == locale>
                                {Common::LanguageName.text(option)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || save_language.pending().get()>
                    {i18n.t(Members::SaveLanguage)}
                </button>
            </form>
            <p class="form-problem" role="alert">{move || problem.get()}</p>
        </section>
    }
}
