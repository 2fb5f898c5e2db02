use std::collections::BTreeMap;

use leptos::html::Table;
use leptos::prelude::*;
use veche_api::events::Occurrence;

use super::EventChip;
use super::calendar::{Day, group_by_day};
use crate::i18n::format::intl_date;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// Which day a key moves the focus to, if it is one of the grid's keys.
fn key_target(key: &str, day: Day) -> Option<Day> {
    match key {
        "ArrowLeft" => Some(day.plus_days(-1)),
        "ArrowRight" => Some(day.plus_days(1)),
        "ArrowUp" => Some(day.plus_days(-7)),
        "ArrowDown" => Some(day.plus_days(7)),
        "Home" => Some(day.week_start()),
        "End" => Some(day.week_start().plus_days(6)),
        "PageUp" => Some(day.plus_months(-1)),
        "PageDown" => Some(day.plus_months(1)),
        _ => None,
    }
}

/// A month as a grid of six weeks, Monday first. One day at a time is in the Tab order (a roving
/// tabindex): arrow keys move between days, Home and End to the week's ends, Page Up and Page
/// Down by a month; leaving the grid's weeks asks for another month.
#[component]
pub fn MonthGrid(
    /// Any day of the month shown.
    month: Day,
    /// First and last day of the grid.
    range: (Day, Day),
    /// The dates to place on the days.
    occurrences: Vec<Occurrence>,
    /// Marked as today.
    today: Day,
    /// The day that should take the keyboard focus once shown (after a move to another month).
    focus: Option<Day>,
    /// Asked to show the month of a day outside this grid, focused.
    on_leave: Callback<Day>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let (first, last) = range;
    let start_day = focus.unwrap_or(if today.same_month(month) { today } else { month.month_start() });
    let active = RwSignal::new(start_day);
    let table = NodeRef::<Table>::new();
    let focus_cell = move |day: Day| {
        if let Some(cell) =
            table.get_untracked().and_then(|t| t.query_selector(&format!("[data-day='{day}']")).ok().flatten())
            && let Ok(cell) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(cell)
        {
            let _ = cell.focus();
        }
    };
    if focus.is_some() {
        Effect::new(move |_| {
            if table.get().is_some() {
                focus_cell(start_day);
            }
        });
    }
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        // Keys pressed on an event's link inside a day are the link's own.
        let on_cell = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.has_attribute("data-day"));
        let Some(target) = key_target(&event.key(), active.get_untracked()).filter(|_| on_cell) else { return };
        event.prevent_default();
        if first <= target && target <= last && (target.same_month(month) || !event.key().starts_with("Page")) {
            active.set(target);
            focus_cell(target);
        } else {
            on_leave.run(target);
        }
    };
    let days: BTreeMap<Day, Vec<Occurrence>> = group_by_day(&occurrences, first, last);
    let title = intl_date(&month.noon_utc(), locale, &[("month", "long"), ("year", "numeric")], Some("UTC"));
    let weekdays = (0..7).map(|i| {
        let noon = first.plus_days(i).noon_utc();
        let short = intl_date(&noon, locale, &[("weekday", "short")], Some("UTC"));
        let long = intl_date(&noon, locale, &[("weekday", "long")], Some("UTC"));
        view! { <th scope="col" abbr=long>{short}</th> }
    });
    let weeks = (0..6).map(|week| {
        let cells = (0..7).map(|weekday| {
            let day = first.plus_days(week * 7 + weekday);
            let events = days.get(&day).cloned().unwrap_or_default();
            let busy = !events.is_empty();
            let is_active = Signal::derive(move || active.get() == day);
            let label = intl_date(&day.noon_utc(), locale, &[("dateStyle", "full")], Some("UTC"));
            view! {
                <td
                    class="month-grid__day"
                    class:month-grid__day--outside=!day.same_month(month)
                    class:month-grid__day--today=day == today
                    class:month-grid__day--busy=busy
                    data-day=day.to_string()
                    tabindex=move || if is_active.get() { "0" } else { "-1" }
                    aria-selected=move || is_active.get().to_string()
                    on:focus=move |_| active.set(day)
                >
                    <span class="month-grid__date" aria-current=(day == today).then_some("date")>
                        <span aria-hidden="true">{day.parts().2}</span>
                        <span class="visually-hidden">{label}</span>
                    </span>
                    {busy.then(|| view! {
                        <ul class="month-grid__events">
                            {events.into_iter().map(|o| view! { <li><EventChip occurrence=o tabbable=is_active /></li> }).collect_view()}
                        </ul>
                    })}
                </td>
            }
        }).collect_view();
        view! { <tr>{cells}</tr> }
    }).collect_view();
    view! {
        <table class="month-grid" role="grid" aria-label=title aria-describedby="month-grid-help" node_ref=table on:keydown=on_keydown>
            <thead><tr>{weekdays.collect_view()}</tr></thead>
            <tbody>{weeks}</tbody>
        </table>
        <p class="field__hint" id="month-grid-help">{i18n.t(Events::CalendarHelp)}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_by_day_week_and_month() {
        let day = Day::parse("2026-12-16").expect("day");
        assert_eq!(key_target("ArrowRight", day), Day::parse("2026-12-17"));
        assert_eq!(key_target("ArrowUp", day), Day::parse("2026-12-09"));
        assert_eq!(key_target("Home", day), Day::parse("2026-12-14"));
        assert_eq!(key_target("End", day), Day::parse("2026-12-20"));
        assert_eq!(key_target("PageDown", day), Day::parse("2027-01-16"));
        assert_eq!(key_target("a", day), None);
    }
}
