use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use veche_api::events::{EventDetail, EventInput};

use crate::api::client::{self, Method};
use crate::components::events::EventForm;
use crate::components::form::FormState;
use crate::components::threads::PendingPosts;
use crate::i18n::messages::events::Events;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft};
use crate::state::outbox::use_outbox;

const TOPIC: &str = "new-event";
const DRAFT: &str = "event.new";

/// `/events/new` (staff): the event form, kept as a draft until the server has the event; sent
/// through the outbox, so a lost connection only delays it.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let navigate = use_navigate();
    let draft = use_draft::<EventInput>(DRAFT);
    let form = FormState::new();

    outbox.on_delivered(TOPIC, move |delivery| {
        if let Ok(event) = client::decode::<EventDetail>(&delivery.response) {
            clear_draft(DRAFT);
            navigate(&format!("/events/{}", event.id), Default::default());
        }
    });
    Effect::new(move |_| {
        for refused in outbox.pending(TOPIC).into_iter().filter(|p| p.refused.is_some()) {
            if let Some(error) = refused.error() {
                outbox.discard(&refused.key);
                form.show_error(&error);
            }
        }
    });
    let sending = Signal::derive(move || outbox.pending(TOPIC).iter().any(|p| p.refused.is_none()));
    let submit = Callback::new(move |input: EventInput| {
        outbox.send(TOPIC, Method::Post, "/events", &input);
    });

    view! {
        <Title text=i18n.t(Events::NewEvent) />
        <section class="editor-page">
            <h1>{i18n.t(Events::NewEvent)}</h1>
            <PendingPosts topic=TOPIC.to_owned() on_edit=Callback::new(|_: String| ()) />
            <EventForm value=draft form=form submit_label=i18n.t(Events::Create) busy=sending on_submit=submit />
            <p class="field__hint">{i18n.t(Threads::DraftKept)}</p>
        </section>
    }
}
