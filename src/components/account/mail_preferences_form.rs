use leptos::prelude::*;
use veche_api::notifications::{Delivery, MailPreferences, MailTopic};

use super::DeliveryChoice;
use crate::api;
use crate::components::form::{CheckboxField, FormAlert, FormState};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// The kinds of notification a member chooses a delivery for, in the order the form shows them.
const KINDS: [MailTopic; 5] =
    [MailTopic::Replies, MailTopic::Mentions, MailTopic::IdeaStatus, MailTopic::Events, MailTopic::GroupDecisions];

/// The member's mail preferences as a form: a delivery per kind and the weekly digest, saved
/// together; errors beside their fields, a failed save kept on screen to send again.
#[component]
pub fn MailPreferencesForm(
    /// The preferences as the server has them.
    initial: MailPreferences,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let choices: Vec<(MailTopic, RwSignal<Delivery>)> =
        KINDS.iter().map(|&topic| (topic, RwSignal::new(initial.delivery(topic)))).collect();
    let weekly = RwSignal::new(initial.weekly_digest);
    let saved = RwSignal::new(false);
    let save = Action::new_local(|preferences: &MailPreferences| {
        let preferences = preferences.clone();
        async move { api::notifications::save_preferences(&preferences).await }
    });
    form.follow(save, move |_| saved.set(true));
    let chosen = {
        let choices = choices.clone();
        move || {
            let mut preferences =
                MailPreferences { weekly_digest: weekly.get_untracked(), ..MailPreferences::default() };
            for (topic, value) in &choices {
                preferences.set(*topic, value.get_untracked());
            }
            preferences
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        save.dispatch(chosen());
    };
    view! {
        <form class="form mail-preferences" on:submit=on_submit novalidate>
            {choices.into_iter().map(|(topic, value)| view! {
                <DeliveryChoice topic=topic value=value error=form.field(topic.as_str()) />
            }).collect_view()}
            <CheckboxField name="weekly_digest" checked=weekly error=form.field("weekly_digest")>
                {i18n.t(Accounts::WeeklyLabel)}
            </CheckboxField>
            <FormAlert message=form.alert() />
            <p role="status" class="mail-preferences__saved">{move || saved.get().then(|| i18n.t(Accounts::PreferencesSaved))}</p>
            <button type="submit" class="button" disabled=move || save.pending().get()>
                {move || if save.pending().get() { i18n.t(Accounts::Saving) } else { i18n.t(Accounts::SavePreferences) }}
            </button>
        </form>
    }
}
