use leptos::either::Either;
use leptos::prelude::*;

use super::TextField;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// A required password input: a `new` one says how long it must be and asks password managers
/// to make one up; otherwise they fill the current one.
#[component]
pub fn PasswordField(
    /// Visible label.
    label: &'static str,
    /// Form field name (the request's property, where its error comes from).
    name: &'static str,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// Message shown under the field when its content is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A password being chosen rather than typed from memory.
    #[prop(optional)]
    new: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if new {
        Either::Left(view! {
            <TextField label name value error input_type="password" autocomplete="new-password" hint=i18n.t(Common::NewPasswordHint) required=true />
        })
    } else {
        Either::Right(view! {
            <TextField label name value error input_type="password" autocomplete="current-password" required=true />
        })
    }
}

/// A required e-mail address input.
#[component]
pub fn EmailField(
    /// Visible label.
    label: &'static str,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// Message shown under the field when its content is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! { <TextField label name="email" value error input_type="email" autocomplete="email" required=true /> }
}
