use leptos::prelude::*;
use veche_api::Locale;
use wasm_bindgen::JsCast;

use crate::i18n::messages::common::Common;
use crate::i18n::{Text, use_i18n};

/// A labelled choice of language; each option names itself in its own language.
#[component]
pub fn LanguageSwitch(
    /// Distinguishes the ids when the switch appears twice on a page.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    // Switching rebuilds the app in the new language: this new switch takes the keyboard back,
    // once it is in the document.
    if i18n.take_refocus() {
        request_animation_frame(move || {
            let select = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(select) = select {
                let _ = select.focus();
            }
        });
    }
    let on_change = move |event: leptos::ev::Event| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&event)) {
            i18n.switch_to(locale);
        }
    };
    view! {
        <div class="language-switch">
            <label class="language-switch__label" for=id>{i18n.t(Common::Language)}</label>
            <select class="language-switch__select" id=id on:change=on_change>
                {Locale::ALL.iter().map(|&locale| view! {
                    <option value=locale.tag() lang=locale.tag() selected=i18n.locale() == locale>
                        {Common::LanguageName.text(locale)}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}
