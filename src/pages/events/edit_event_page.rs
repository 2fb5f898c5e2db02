use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use veche_api::events::{EventDetail, EventInput};

use crate::api::client::{self, Method, Options};
use crate::api::events::{self, event_path};
use crate::components::events::EventForm;
use crate::components::feedback::Loaded;
use crate::components::form::FormState;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// The form's values for an event as it stands (local times in its own zone).
fn input_of(event: &EventDetail) -> EventInput {
    EventInput {
        title: event.title.clone(),
        kind: event.kind.as_str().to_owned(),
        description: event.description.clone(),
        // The series' own first date, not the date being shown: earlier dates must not drop off.
        starts_local: event.starts_local.clone(),
        ends_local: event.ends_local.clone(),
        all_day: event.all_day,
        time_zone: event.time_zone.clone(),
        city: event.city.clone().unwrap_or_default(),
        region: event.region.clone().unwrap_or_default(),
        address: event.address.clone().unwrap_or_default(),
        online_url: event.online_url.clone().unwrap_or_default(),
        capacity: event.capacity,
        recurrence: event.recurrence.clone(),
        group_id: event.group.as_ref().map(|group| group.id.clone()),
    }
}

/// `/events/<id>/edit` (staff): the event form filled with the event.
#[component]
pub fn EditEventPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let event = LocalResource::new(move || {
        let id = id.get();
        async move { events::event(&id, "").await }
    });
    let form = FormState::new();
    let busy = RwSignal::new(false);
    let submit = Callback::new(move |input: EventInput| {
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let path = event_path(&id.get_untracked());
            match client::request::<EventDetail, _>(Method::Put, &path, Some(&input), Options::default()).await {
                Ok(saved) => navigate(&format!("/events/{}", saved.id), Default::default()),
                Err(error) => form.show_error(&error),
            }
            busy.set(false);
        });
    });

    view! {
        <Title text=i18n.t(Events::EditEvent) />
        <section class="editor-page">
            <h1>{i18n.t(Events::EditEvent)}</h1>
            <Loaded resource=event let:data>
                {view! {
                    <EventForm value=RwSignal::new(input_of(&data)) form=form submit_label=i18n.t(Events::Save)
                        busy=busy on_submit=submit />
                    }}
            </Loaded>
        </section>
    }
}
