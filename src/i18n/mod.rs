//! English and Russian: the member's choice (kept in this browser), else the browser's
//! languages. Every visible string comes from a table in `messages/`, where each entry must
//! have both languages to compile.
//!
//! Texts are read once when a view is built, not tracked: switching the language rebuilds the
//! app below the router (see `app.rs`). A switch is rare, and this keeps one reactive closure
//! per text — hundreds of them — out of the bundle.

pub mod format;
pub mod messages;

use leptos::prelude::*;
pub use messages::Text;
pub use veche_api::Locale;

use crate::api::client;
use crate::state::storage;

const STORAGE_KEY: &str = "veche.locale";

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// The language was switched from the switch: its rebuilt copy takes the keyboard focus.
    refocus_switch: StoredValue<bool>,
}

impl I18n {
    /// The current language, as of when the view is built.
    pub fn locale(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// The current language, tracked: only the app root rebuilds on it.
    pub fn locale_tracked(&self) -> Locale {
        self.locale.get()
    }

    /// Switches the language everywhere and remembers the choice in this browser.
    pub fn set_locale(&self, locale: Locale) {
        storage::set(STORAGE_KEY, locale.tag());
        apply(locale);
        self.locale.set(locale);
    }

    /// Switches the language from the language switch, which gets the focus back once rebuilt.
    pub fn switch_to(&self, locale: Locale) {
        self.refocus_switch.set_value(true);
        self.set_locale(locale);
    }

    /// A switch of language is being applied (the header keeps its menu open for the switch).
    pub fn refocus_pending(&self) -> bool {
        self.refocus_switch.get_value()
    }

    /// Whether the (rebuilt) language switch should take the focus; answers `true` once.
    pub fn take_refocus(&self) -> bool {
        let refocus = self.refocus_switch.get_value();
        self.refocus_switch.set_value(false);
        refocus
    }

    /// The text of `key` in the current language.
    pub fn t<K: Text>(&self, key: K) -> &'static str {
        key.text(self.locale.get_untracked())
    }
}

/// Picks the starting language and makes it available to every component below.
pub fn provide_i18n() -> I18n {
    let locale = storage::get(STORAGE_KEY).and_then(|tag| Locale::from_tag(&tag)).unwrap_or_else(browser_locale);
    apply(locale);
    let i18n = I18n { locale: RwSignal::new(locale), refocus_switch: StoredValue::new(false) };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The first of the browser's preferred languages that Veche speaks.
fn browser_locale() -> Locale {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Locale::default();
    };
    let languages: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    let list = if languages.is_empty() { navigator.language().unwrap_or_default() } else { languages.join(",") };
    Locale::negotiate(&list)
}

/// Sets `<html lang>` (screen readers, hyphenation) and the API client's language.
fn apply(locale: Locale) {
    client::set_locale(locale);
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", locale.tag());
    }
}
