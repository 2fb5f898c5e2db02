use leptos::prelude::*;
use veche_api::ideas::{self as contract, Ballot, NewBallot, NewBallotItem};

use crate::api::ideas;
use crate::components::form::{FormAlert, FormState, TextField};
use crate::i18n::messages::ideas::Ideas;
use crate::i18n::use_i18n;

/// A `datetime-local` value (`2026-03-01T09:00`, the browser's time) `days` from now.
fn local_input_value(days: f64) -> String {
    let at = js_sys::Date::new(&(js_sys::Date::now() + days * 86_400_000.0).into());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        at.get_full_year(),
        at.get_month() + 1,
        at.get_date(),
        at.get_hours(),
        at.get_minutes()
    )
}

/// A `datetime-local` value as UTC for the API; empty when it is not a time.
fn utc_from_local(value: &str) -> String {
    let at = js_sys::Date::new(&value.into());
    if at.get_time().is_nan() { String::new() } else { String::from(at.to_iso_string()) }
}

/// The candidates typed one per line.
fn ballot_items(lines: &str) -> Vec<NewBallotItem> {
    lines
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|title| NewBallotItem { title: title.to_owned(), description: String::new() })
        .collect()
}

/// Staff publish a ballot: its question, the points each member spreads, when it runs, and
/// the candidate improvements.
#[component]
pub fn BallotForm(
    /// Told the ballot once published.
    on_created: Callback<Ballot>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let points = RwSignal::new("10".to_owned());
    let opens = RwSignal::new(local_input_value(0.0));
    let closes = RwSignal::new(local_input_value(14.0));
    let items = RwSignal::new(String::new());
    let publish = Action::new_local(move |ballot: &NewBallot| {
        let ballot = ballot.clone();
        async move { ideas::create_ballot(&ballot).await }
    });
    Effect::new(move |_| match publish.value().get() {
        Some(Ok(ballot)) => on_created.run(ballot),
        Some(Err(error)) => form.show_error(&error),
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let ballot = NewBallot {
            title: title.get_untracked(),
            description: description.get_untracked(),
            points_per_member: points.get_untracked().trim().parse().unwrap_or(0),
            opens_at: utc_from_local(&opens.get_untracked()),
            closes_at: utc_from_local(&closes.get_untracked()),
            items: ballot_items(&items.get_untracked()),
        };
        if form.check(&contract::check_new_ballot(&ballot), i18n.locale()) {
            publish.dispatch(ballot);
        }
    };
    // A candidate's own problem shows under the list, like the list's.
    let items_error = Signal::derive(move || {
        form.field("items")
            .get()
            .or_else(|| (0..contract::BALLOT_ITEMS_MAX).find_map(|index| form.message(&format!("items.{index}.title"))))
    });
    view! {
        <form class="form form--wide ballot-form" on:submit=submit novalidate>
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(Ideas::BallotTitleLabel) name="title" value=title error=form.field("title") required=true maxlength=120 />
            <TextField label=i18n.t(Ideas::BallotDescriptionLabel) name="description" value=description error=form.field("description") />
            <TextField label=i18n.t(Ideas::BallotPointsLabel) name="points_per_member" value=points error=form.field("points_per_member")
                input_type="number" required=true />
            <div class="ballot-form__row">
                <TextField label=i18n.t(Ideas::Opens) name="opens_at" value=opens error=form.field("opens_at") input_type="datetime-local" required=true />
                <TextField label=i18n.t(Ideas::Closes) name="closes_at" value=closes error=form.field("closes_at") input_type="datetime-local" required=true />
            </div>
            <TextField label=i18n.t(Ideas::BallotItemsLabel) name="items" value=items error=items_error
                hint=i18n.t(Ideas::BallotItemsHint) rows=5 />
            <button type="submit" class="button" disabled=move || publish.pending().get()>{i18n.t(Ideas::PublishBallot)}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::ballot_items;

    #[test]
    fn candidates_are_the_lines_that_say_something() {
        let items = ballot_items("  Offline sync \n\n Barcode scanning\n   \nDark theme");
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Offline sync", "Barcode scanning", "Dark theme"]);
    }
}
