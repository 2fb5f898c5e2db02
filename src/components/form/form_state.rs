use std::collections::BTreeMap;

use leptos::prelude::*;
use veche_api::Locale;
use veche_api::validate::FieldErrors;

use crate::api::{ApiError, ApiResult};
use crate::components::feedback::{error_detail, error_text};
use crate::i18n::messages::common::Common;

/// The form-level message: the app's words, and the server's reason when it gave one
/// ("Only staff start threads in the news…"), shown together.
#[derive(Clone, Debug, PartialEq)]
pub struct FormMessage {
    pub text: Common,
    pub detail: Option<String>,
}

impl From<Common> for FormMessage {
    fn from(text: Common) -> Self {
        FormMessage { text, detail: None }
    }
}

/// What a form is currently complaining about: a message per field and one for the whole form.
/// The same state takes the app's own checks and the server's 422 answers.
#[derive(Clone, Copy)]
pub struct FormState {
    fields: RwSignal<BTreeMap<String, String>>,
    alert: RwSignal<Option<FormMessage>>,
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
    pub fn alert(&self) -> Signal<Option<FormMessage>> {
        self.alert.into()
    }

    pub fn clear(&self) {
        self.fields.set(BTreeMap::new());
        self.alert.set(None);
    }

    pub fn set_alert(&self, message: Common) {
        self.alert.set(Some(message.into()));
    }

    /// Shows the app's own validation result; `true` when there was nothing to complain about.
    pub fn check(&self, errors: &FieldErrors, locale: Locale) -> bool {
        if errors.is_empty() {
            return true;
        }
        self.fields.set(errors.messages(locale));
        self.set_alert(Common::ErrorFixFields);
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

    /// Shows a failed request: field messages beside their fields, the rest as the form alert
    /// with the server's reason (a refusal's `detail`) when it gave one.
    pub fn show_error(&self, error: &ApiError) {
        match error {
            ApiError::Validation { fields, .. } if !fields.is_empty() => {
                self.fields.set(fields.clone());
                self.set_alert(Common::ErrorFixFields);
                focus_first_invalid();
            }
            other => self.alert.set(Some(FormMessage { text: error_text(other), detail: error_detail(other) })),
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
