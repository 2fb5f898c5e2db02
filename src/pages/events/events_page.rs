use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::events::EventKind;

use super::FeedPanel;
use crate::api::events::{self, RangeQuery};
use crate::components::events::calendar::{CalendarState, Day, View};
use crate::components::events::{AgendaList, MonthGrid, TimeZoneNotice, WeekView, all_day_zones};
use crate::components::feedback::Loaded;
use crate::i18n::format::intl_date;
use crate::i18n::messages::events::{Events, kind_text};
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// Narrow screens start with the list: a month grid does not fit them well.
fn default_view() -> View {
    let narrow = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width < 700.0);
    if narrow { View::Agenda } else { View::Month }
}

/// `/events`: the calendar as a month grid, a week or a list, moved by month or week, filtered
/// by type, city and the member's own events; everything in the address.
#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let today = Day::today();
    let state = Memo::new(move |_| {
        query_map.with(|q| CalendarState {
            view: q.get("view").and_then(|v| View::parse(&v)).unwrap_or_else(default_view),
            day: q.get("date").and_then(|d| Day::parse(&d)).unwrap_or(today),
            kind: q.get("kind").filter(|k| EventKind::parse_known(k).is_some()).unwrap_or_default(),
            city: q.get("city").unwrap_or_default(),
            mine: q.get("mine").is_some_and(|m| m == "1"),
        })
    });
    let dates = LocalResource::new(move || {
        let state = state.get();
        let (from, to) = state.range();
        let range = RangeQuery {
            from: from.to_string(),
            to: to.to_string(),
            kind: EventKind::parse_known(&state.kind),
            city: state.city,
            mine: state.mine,
        };
        async move { events::list(&range).await }
    });
    let go = Callback::new(move |next: CalendarState| navigate(&next.href(today), Default::default()));
    // A move out of the month by keyboard: the new month's grid takes the focus on that day.
    let keyboard_day = StoredValue::new(None::<Day>);
    let leave_month = Callback::new(move |day: Day| {
        keyboard_day.set_value(Some(day));
        go.run(CalendarState { day, ..state.get_untracked() });
    });
    let city = RwSignal::new(state.get_untracked().city);
    let staff = move || session.account().is_some_and(|a| a.member.access.is_staff());
    let period_title = move || {
        let state = state.get();
        let locale = i18n.locale();
        match state.view {
            View::Week => {
                let first = state.range().0;
                format!(
                    "{} {}",
                    i18n.t(Events::WeekOf),
                    intl_date(&first.noon_utc(), locale, &[("dateStyle", "long")], Some("UTC"))
                )
            }
            _ => intl_date(&state.day.noon_utc(), locale, &[("month", "long"), ("year", "numeric")], Some("UTC")),
        }
    };
    let weekly = move || state.get().view == View::Week;
    let previous = move || if weekly() { Events::PreviousWeek } else { Events::PreviousMonth };
    let next = move || if weekly() { Events::NextWeek } else { Events::NextMonth };

    view! {
        <Title text=i18n.t(Events::Title) />
        <div class="events-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Events::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Events::Intro)}</p>
                </div>
                <Show when=staff>
                    <div class="page-head__actions">
                        <A href="/events/new" attr:class="button">{i18n.t(Events::NewEvent)}</A>
                    </div>
                </Show>
            </header>
            <form class="filters" role="search" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                go.run(CalendarState { city: city.get_untracked().trim().to_owned(), ..state.get_untracked() });
            }>
                <div class="field field--inline">
                    <label class="field__label" for="events-kind">{i18n.t(Events::KindLabel)}</label>
                    <select id="events-kind" class="field__select" on:change=move |event| {
                        go.run(CalendarState { kind: event_target_value(&event), ..state.get_untracked() });
                    }>
                        <option value="" selected=move || state.get().kind.is_empty()>{i18n.t(Events::AnyKind)}</option>
                        {EventKind::KNOWN.iter().map(|&kind| view! {
                            <option value=kind.as_str() selected=move || state.get().kind == kind.as_str()>{i18n.t(kind_text(kind))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field--inline">
                    <label class="field__label" for="events-city">{i18n.t(Events::CityLabel)}</label>
                    <div class="events-page__city">
                        <input id="events-city" class="field__input" type="search" bind:value=city />
                        <button type="submit" class="button button--secondary">{i18n.t(Events::ShowCity)}</button>
                    </div>
                </div>
                <Show when=move || session.signed_in() == Some(true)>
                    <div class="field field--checkbox">
                        <input id="events-mine" class="field__checkbox" type="checkbox" prop:checked=move || state.get().mine
                            on:change=move |event| go.run(CalendarState { mine: event_target_checked(&event), ..state.get_untracked() }) />
                        <label class="field__label field__label--inline" for="events-mine">{i18n.t(Events::MyEvents)}</label>
                    </div>
                </Show>
            </form>
            <nav class="tabs" aria-label=i18n.t(Events::ViewLabel)>
                {[(View::Month, Events::ViewMonth), (View::Week, Events::ViewWeek), (View::Agenda, Events::ViewAgenda)].into_iter().map(|(view, text)| {
                    view! {
                        <A href=move || CalendarState { view, ..state.get() }.href(today) attr:class="tabs__tab"
                            attr:aria-current=move || (state.get().view == view).then_some("true")>{i18n.t(text)}</A>
                    }
                }).collect_view()}
            </nav>
            <nav class="period" aria-label=i18n.t(Events::PeriodLabel)>
                <A href=move || state.get().step(-1).href(today) attr:class="button button--ghost button--small period__step"
                    attr:aria-label=move || i18n.t(previous())>
                    <span aria-hidden="true">"←"</span>
                </A>
                <h2 class="period__title" aria-live="polite">{period_title}</h2>
                <A href=move || state.get().step(1).href(today) attr:class="button button--ghost button--small period__step"
                    attr:aria-label=move || i18n.t(next())>
                    <span aria-hidden="true">"→"</span>
                </A>
                <A href=move || CalendarState { day: today, ..state.get() }.href(today) attr:class="button button--ghost button--small">
                    {i18n.t(Events::Today)}
                </A>
            </nav>
            <Loaded resource=dates let:occurrences>
                {{
                    let state = state.get_untracked();
                    let range = state.range();
                    let zones = all_day_zones(&occurrences);
                    let calendar = match state.view {
                        View::Month => EitherOf3::A(view! {
                            <MonthGrid month=state.day range=range occurrences=occurrences today=today
                                focus=keyboard_day.try_update_value(Option::take).flatten()
                                on_leave=leave_month />
                        }),
                        View::Week => EitherOf3::B(view! { <WeekView first=range.0 occurrences=occurrences today=today /> }),
                        View::Agenda => EitherOf3::C(view! { <AgendaList range=range occurrences=occurrences /> }),
                    };
                    view! { <TimeZoneNotice zones=zones />{calendar} }
                    }}
            </Loaded>
            <Show when=move || session.signed_in() == Some(true)>
                <FeedPanel />
            </Show>
        </div>
    }
}
