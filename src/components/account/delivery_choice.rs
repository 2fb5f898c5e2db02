use leptos::prelude::*;
use veche_api::notifications::{Delivery, MailTopic};

use crate::i18n::messages::account::{Accounts, topic_text};
use crate::i18n::use_i18n;

/// How one kind of notification is mailed: immediately, in a daily digest, or never, as a
/// radio group (arrow keys move between the choices) with its error under it.
#[component]
pub fn DeliveryChoice(
    /// The kind of mail; its wire name is the field's name.
    topic: MailTopic,
    /// The chosen delivery, two-way bound.
    value: RwSignal<Delivery>,
    /// The server's complaint about this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = topic.as_str();
    let error_id = format!("field-{name}-error");
    let described_by = error_id.clone();
    let choices = [
        (Delivery::Immediately, Accounts::DeliveryImmediately),
        (Delivery::Daily, Accounts::DeliveryDaily),
        (Delivery::Never, Accounts::DeliveryNever),
    ];
    view! {
        <fieldset
            class="field delivery-choice"
            class:field--invalid=move || error.with(Option::is_some)
            aria-describedby=described_by
        >
            <legend class="field__label">{i18n.t(topic_text(topic))}</legend>
            <div class="delivery-choice__options">
                {choices.into_iter().map(|(choice, text)| view! {
                    <label class="delivery-choice__option">
                        <input
                            type="radio"
                            name=name
                            value=choice.as_str()
                            aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                            prop:checked=move || value.get() == choice
                            on:change=move |_| value.set(choice)
                        />
                        <span>{i18n.t(text)}</span>
                    </label>
                }).collect_view()}
            </div>
            <p class="field__error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </fieldset>
    }
}
