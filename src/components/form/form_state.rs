use std::collections::BTreeMap;

use leptos::prelude::*;
use veche_api::Locale;
use veche_api::validate::FieldErrors;

use crate::api::{ApiError, ApiResult};
use crate::components::feedback::error_text;
use crate::i18n::messages::common::Common;

/// What a form is currently complaining about: a message per field and one for the whole form.
/// The same state takes the app's own checks and the server's 422 answers.
#[derive(Clone, Copy)]
pub struct FormState {
    fields: RwSignal<BTreeMap<String, String>>,
    alert: RwSignal<Option<Common>>,
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

impl FormState {
    pub fn new() -> Self {
        FormState { fields: RwSignal::new(BTreeMap::new()), alert: RwSignal::new(None) }
    }

    /// The message for one field (tracked).
    pub fn field(&self, name: impl Into<String>) -> Signal<Option<String>> {
        let (fields, name) = (self.fields, name.into());
        Signal::derive(move || fields.with(|f| f.get(&name).cloned()))
    }

    /// The message for a field whose name is only known when read, e.g. `contacts.2.value` of
    /// a list that grows and shrinks (tracked).
    pub fn message(&self, name: &str) -> Option<String> {
        self.fields.with(|f| f.get(name).cloned())
    }

    /// The form-level message (tracked).
    pub fn alert(&self) -> Signal<Option<Common>> {
        self.alert.into()
    }

    pub fn clear(&self) {
        self.fields.set(BTreeMap::new());
        self.alert.set(None);
    }

    pub fn set_alert(&self, message: Common) {
        self.alert.set(Some(message));
    }

    /// Shows the app's own validation result; `true` when there was nothing to complain about.
    pub fn check(&self, errors: &FieldErrors, locale: Locale) -> bool {
        if errors.is_empty() {
            return true;
        }
        self.fields.set(errors.messages(locale));
        self.alert.set(Some(Common::ErrorFixFields));
        focus_first_invalid();
        false
    }

    /// Follows a write: a failure shows on this form (beside its fields, or as the alert), an
    /// answer goes to `on_ok`.
    pub fn follow<I: 'static, T: Clone + 'static>(self, action: Action<I, ApiResult<T>>, on_ok: impl Fn(T) + 'static) {
        Effect::new(move |_| match action.value().get() {
            Some(Ok(answer)) => on_ok(answer),
            Some(Err(error)) => self.show_error(&error),
            None => {}
        });
    }

    /// Shows a failed request: field messages beside their fields, the rest as the form alert.
    pub fn show_error(&self, error: &ApiError) {
        match error {
            ApiError::Validation { fields, .. } if !fields.is_empty() => {
                self.fields.set(fields.clone());
                self.alert.set(Some(Common::ErrorFixFields));
                focus_first_invalid();
            }
            other => self.alert.set(Some(error_text(other))),
        }
    }
}

/// Moves keyboard focus to the first field marked invalid, once it has been rendered.
fn focus_first_invalid() {
    request_animation_frame(|| {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-invalid='true']").ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(field) = field {
            let _ = field.focus();
        }
    });
}
