use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use veche_api::ProblemCode;

use crate::api::{self, ApiError};
use crate::components::account::LinkProblem;
use crate::components::feedback::{ErrorView, Loading};
use crate::components::form::{FormAlert, FormState};
use crate::i18n::messages::account::{Accounts, topic_text};
use crate::i18n::use_i18n;

/// `/unsubscribe?token=…`: the page a mail's unsubscribe link opens (signed in or not). It
/// switches that mail off as it opens, says which, and offers to switch it back on or to choose
/// on the preferences page; a broken link says what to do instead.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.get_untracked().get("token").unwrap_or_default();
    let switch = Action::new_local(|(token, on): &(String, bool)| {
        let (token, on) = (token.clone(), *on);
        async move {
            if token.is_empty() {
                return Err(ApiError::LinkUnusable(ProblemCode::LinkInvalid));
            }
            api::notifications::switch_by_link(&token, on).await
        }
    });
    switch.dispatch((token(), false));
    // A failed "switch back on" shows beside its button; the page keeps saying what is off.
    let form = FormState::new();
    let shown = RwSignal::new(None);
    Effect::new(move |_| match switch.value().get() {
        Some(Ok(subscription)) => shown.set(Some(subscription)),
        Some(Err(error)) if shown.get_untracked().is_some() => form.show_error(&error),
        _ => {}
    });
    let unsubscribe_again = Callback::new(move |_| {
        switch.dispatch((token(), false));
    });
    view! {
        <Title text=i18n.t(Accounts::UnsubscribeTitle) />
        <section class="auth-page">
            <h1>{i18n.t(Accounts::UnsubscribeTitle)}</h1>
            {move || match (shown.get(), switch.value().get()) {
                (Some(subscription), _) => {
                    let text = if subscription.subscribed { Accounts::ResubscribedText } else { Accounts::UnsubscribedText };
                    view! {
                        <p role="status" class="auth-page__done">{i18n.t(text)}</p>
                        <ul class="unsubscribe__topics">
                            {subscription.topics.iter().map(|topic| view! { <li>{i18n.t(topic_text(*topic))}</li> }).collect_view()}
                        </ul>
                        <FormAlert message=form.alert() />
                        <p class="unsubscribe__actions">
                            {(!subscription.subscribed).then(|| view! {
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    disabled=move || switch.pending().get()
                                    on:click=move |_| {
                                        form.clear();
                                        switch.dispatch((token(), true));
                                    }
                                >
                                    {move || if switch.pending().get() { i18n.t(Accounts::Resubscribing) } else { i18n.t(Accounts::Resubscribe) }}
                                </button>
                            })}
                            <A href="/account/notifications" attr:class="button">{i18n.t(Accounts::ChoosePreferences)}</A>
                        </p>
                    }.into_any()
                }
                (None, None) => view! { <Loading /> }.into_any(),
                (None, Some(Err(ApiError::LinkUnusable(code)))) => view! {
                    <LinkProblem code=code next_step=Accounts::UnsubscribeNextStep href="/account/notifications" action=Accounts::ChoosePreferences />
                }.into_any(),
                (None, Some(Err(error))) => view! { <ErrorView error=error on_retry=unsubscribe_again /> }.into_any(),
                (None, Some(Ok(_))) => view! { <Loading /> }.into_any(),
            }}
        </section>
    }
}
