use leptos::prelude::*;
use veche_api::events::{self as contract, EventInput, EventKind, Frequency, Recurrence};

use crate::components::form::{CheckboxField, FormAlert, FormState, SelectField, TextField};
use crate::components::threads::MarkdownEditor;
use crate::i18n::format::viewer_time_zone;
use crate::i18n::messages::events::{Events, kind_text};
use crate::i18n::use_i18n;

/// Every IANA time zone the browser knows, UTC first.
fn time_zones() -> Vec<String> {
    let mut zones: Vec<String> = js_sys::Intl::supported_values_of(js_sys::Intl::SupportedValuesKey::TimeZone)
        .iter()
        .filter_map(|zone| zone.as_string())
        .filter(|zone| zone != "UTC")
        .collect();
    zones.insert(0, "UTC".to_owned());
    zones
}

/// A whole number typed into a field: `None` when empty, `Some(0)` (refused by the checks, with
/// the range in the message) when it is not a number.
fn whole_number<T: std::str::FromStr + Default>(text: &str) -> Option<T> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.parse().unwrap_or_default())
}

/// Everything staff say about an event: what, when (local times in a chosen time zone), where
/// (a place, a link, or both), how many places, and how it repeats. Checked before it is sent;
/// the server's complaints land beside the same fields.
#[component]
pub fn EventForm(
    /// The event as typed, two-way bound (a draft can keep it).
    value: RwSignal<EventInput>,
    /// The form's complaints.
    form: FormState,
    /// The submit button's text.
    submit_label: &'static str,
    /// A submission is on its way.
    #[prop(into)]
    busy: Signal<bool>,
    /// Told a checked event.
    on_submit: Callback<EventInput>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = value.get_untracked();
    let series = start.recurrence.clone();
    let text = |s: &str| RwSignal::new(s.to_owned());
    let (title, description, starts, ends) =
        (text(&start.title), text(&start.description), text(&start.starts_local), text(&start.ends_local));
    let kind = text(if start.kind.is_empty() { EventKind::Meetup.as_str() } else { &start.kind });
    let zone = text(&start.time_zone);
    if start.time_zone.is_empty() {
        zone.set(viewer_time_zone());
    }
    let (city, region, address, online_url) =
        (text(&start.city), text(&start.region), text(&start.address), text(&start.online_url));
    let all_day = RwSignal::new(start.all_day);
    let capacity = text(&start.capacity.map(|c| c.to_string()).unwrap_or_default());
    let frequency = text(series.as_ref().map(|r| r.frequency.as_str()).unwrap_or_default());
    let interval = text(&series.as_ref().map(|r| r.interval.to_string()).unwrap_or_else(|| "1".to_owned()));
    let until = text(series.as_ref().and_then(|r| r.until.as_deref()).unwrap_or_default());
    let count = text(&series.as_ref().and_then(|r| r.count).map(|c| c.to_string()).unwrap_or_default());
    let group = text(start.group_id.as_deref().unwrap_or_default());
    let groups = LocalResource::new(crate::api::groups::list);

    let collect = move || EventInput {
        title: title.get(),
        kind: kind.get(),
        description: description.get(),
        starts_local: starts.get(),
        ends_local: ends.get(),
        all_day: all_day.get(),
        time_zone: zone.get(),
        city: city.get(),
        region: region.get(),
        address: address.get(),
        online_url: online_url.get(),
        capacity: whole_number(&capacity.get()),
        recurrence: Frequency::parse_known(&frequency.get()).map(|frequency| Recurrence {
            frequency,
            interval: whole_number(&interval.get()).unwrap_or(1),
            until: Some(until.get()).filter(|u| !u.is_empty()),
            count: whole_number(&count.get()),
        }),
        group_id: Some(group.get()).filter(|g| !g.is_empty()),
    };
    Effect::new(move |_| value.set(collect()));

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let input = untrack(collect);
        let mut errors = contract::check_event(&input);
        for (field, typed) in [("starts_local", &input.starts_local), ("ends_local", &input.ends_local)] {
            if typed.is_empty() {
                errors.add(field, veche_api::validate::Issue::Required);
            }
        }
        if form.check(&errors, i18n.locale()) {
            on_submit.run(input);
        }
    };
    let kinds = EventKind::KNOWN.iter().map(|k| (k.as_str().to_owned(), i18n.t(kind_text(*k)).to_owned())).collect();
    let frequencies = [
        ("", Events::RepeatNever),
        (Frequency::Weekly.as_str(), Events::RepeatWeekly),
        (Frequency::MonthlyByDate.as_str(), Events::RepeatMonthlyByDate),
        (Frequency::MonthlyByWeekday.as_str(), Events::RepeatMonthlyByWeekday),
    ]
    .into_iter()
    .map(|(value, text)| (value.to_owned(), i18n.t(text).to_owned()))
    .collect();
    let mut zones: Vec<(String, String)> = time_zones().into_iter().map(|z| (z.clone(), z)).collect();
    // An event's zone this browser does not list stays chosen, so saving does not change it.
    let current = zone.get_untracked();
    if !current.is_empty() && !zones.iter().any(|(value, _)| *value == current) {
        zones.insert(0, (current.clone(), current));
    }

    view! {
        <form class="form form--wide event-form" on:submit=submit novalidate>
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(Events::TitleLabel) name="title" value=title error=form.field("title") required=true
                maxlength=contract::TITLE_MAX as u32 />
            <SelectField label=i18n.t(Events::KindLabel) name="kind" value=kind choices=kinds error=form.field("kind") />
            <MarkdownEditor label=i18n.t(Events::DescriptionLabel) name="description" value=description
                error=form.field("description") max=contract::DESCRIPTION_MAX rows=6 />
            <div class="event-form__row">
                <TextField label=i18n.t(Events::StartsLabel) name="starts_local" value=starts error=form.field("starts_local")
                    input_type="datetime-local" required=true />
                <TextField label=i18n.t(Events::EndsLabel) name="ends_local" value=ends error=form.field("ends_local")
                    input_type="datetime-local" required=true />
            </div>
            <SelectField label=i18n.t(Events::TimeZoneLabel) name="time_zone" value=zone choices=zones
                error=form.field("time_zone") hint=i18n.t(Events::TimeZoneHint) />
            <CheckboxField name="all_day" checked=all_day error=Signal::derive(|| None::<String>)>{i18n.t(Events::AllDayLabel)}</CheckboxField>
            <div class="event-form__row">
                <TextField label=i18n.t(Events::CityLabel) name="city" value=city error=form.field("city") />
                <TextField label=i18n.t(Events::RegionLabel) name="region" value=region error=form.field("region") />
            </div>
            <TextField label=i18n.t(Events::AddressLabel) name="address" value=address error=form.field("address") />
            <TextField label=i18n.t(Events::OnlineUrlLabel) name="online_url" value=online_url error=form.field("online_url")
                input_type="url" hint=i18n.t(Events::OnlineUrlHint) />
            // Without the list of groups (offline), the event keeps the group it has.
            {move || groups.get().and_then(Result::ok).map(|list| {
                let mut choices = vec![(String::new(), i18n.t(Events::WholeCommunity).to_owned())];
                choices.extend(list.into_iter().map(|g| (g.id, g.name)));
                view! {
                    <SelectField label=i18n.t(Events::GroupLabel) name="group_id" value=group choices=choices
                        error=form.field("group_id") hint=i18n.t(Events::GroupHint) />
                }
            })}
            <TextField label=i18n.t(Events::CapacityLabel) name="capacity" value=capacity error=form.field("capacity")
                input_type="number" hint=i18n.t(Events::CapacityHint) />
            <fieldset class="event-form__series">
                <legend>{i18n.t(Events::RepeatLabel)}</legend>
                <SelectField label=i18n.t(Events::RepeatLabel) name="recurrence.frequency" value=frequency choices=frequencies
                    error=form.field("recurrence.frequency") />
                <Show when=move || !frequency.with(String::is_empty)>
                    <p class="field__hint">{i18n.t(Events::RepeatEndHint)}</p>
                    <div class="event-form__row">
                        <TextField label=i18n.t(Events::IntervalLabel) name="recurrence.interval" value=interval
                            error=form.field("recurrence.interval") input_type="number" />
                        <TextField label=i18n.t(Events::UntilLabel) name="recurrence.until" value=until
                            error=form.field("recurrence.until") input_type="date" />
                        <TextField label=i18n.t(Events::CountLabel) name="recurrence.count" value=count
                            error=form.field("recurrence.count") input_type="number" />
                    </div>
                </Show>
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{submit_label}</button>
        </form>
    }
}
