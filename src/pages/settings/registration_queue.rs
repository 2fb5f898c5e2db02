use leptos::prelude::*;
use veche_api::community::{PendingRegistration, RegistrationDecision};

use crate::api;
use crate::components::feedback::{Loaded, error_text};
use crate::i18n::format::intl_date;
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;

/// The registrations waiting for approval, oldest first, each with "approve" and "decline"; a
/// decided one leaves the list and what was done is announced.
#[component]
pub fn RegistrationQueue() -> impl IntoView {
    let i18n = use_i18n();
    let queue = LocalResource::new(api::community::pending_registrations);
    let decided = RwSignal::new(Vec::<String>::new());
    let announcement = RwSignal::new(None::<String>);
    let decide = Action::new_local(|(registration, decision): &(PendingRegistration, RegistrationDecision)| {
        let (registration, decision) = (registration.clone(), *decision);
        async move {
            api::community::decide_registration(&registration.id, decision).await.map(|()| (registration, decision))
        }
    });
    Effect::new(move |_| match decide.value().get() {
        Some(Ok((registration, decision))) => {
            let done = if decision == RegistrationDecision::Approve { Settings::Approved } else { Settings::Declined };
            announcement.set(Some(format!("{} {}", i18n.t(done), registration.email)));
            decided.update(|ids| ids.push(registration.id));
        }
        Some(Err(error)) => announcement.set(Some(i18n.t(error_text(&error)).to_owned())),
        None => {}
    });
    view! {
        <section class="settings__section" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{i18n.t(Settings::QueueHeading)}</h2>
            <p role="status" class="settings__saved">{move || announcement.get()}</p>
            <Loaded resource=queue let:page>
                {
                    let waiting: Vec<PendingRegistration> =
                    page.items.into_iter().filter(|r| decided.with(|ids| !ids.contains(&r.id))).collect();
                    if waiting.is_empty() {
                    return view! { <p class="registration-queue__empty">{i18n.t(Settings::QueueEmpty)}</p> }.into_any();
                    }
                    view! {
                    <ul class="registration-queue">
                        {waiting.into_iter().map(|registration| {
                            let who = format!("{} (@{})", registration.display_name, registration.handle);
                            let approve = (registration.clone(), RegistrationDecision::Approve);
                            let decline = (registration.clone(), RegistrationDecision::Decline);
                            view! {
                                <li class="registration-queue__item">
                                    <div class="registration-queue__who">
                                        <strong>{registration.display_name.clone()}</strong>
                                        " @"{registration.handle.clone()}
                                        <span class="registration-queue__email">{registration.email.clone()}</span>
                                        <span class="registration-queue__date">
                                            {i18n.t(Settings::AskedOn)}" "{intl_date(&registration.created_at, i18n.locale(), &[("dateStyle", "medium"), ("timeStyle", "short")], None)}
                                        </span>
                                    </div>
                                    <div class="registration-queue__actions">
                                        <button type="button" class="button button--small"
                                            aria-label=format!("{} {who}", i18n.t(Settings::ApproveLabel))
                                            disabled=move || decide.pending().get()
                                            on:click=move |_| { decide.dispatch(approve.clone()); }>
                                            {i18n.t(Settings::Approve)}
                                        </button>
                                        <button type="button" class="button button--secondary button--small"
                                            aria-label=format!("{} {who}", i18n.t(Settings::DeclineLabel))
                                            disabled=move || decide.pending().get()
                                            on:click=move |_| { decide.dispatch(decline.clone()); }>
                                            {i18n.t(Settings::Decline)}
                                        </button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    }
                    .into_any()
                }
            </Loaded>
        </section>
    }
}
