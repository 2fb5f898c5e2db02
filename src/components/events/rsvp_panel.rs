use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::events::{RsvpRequest, RsvpState, RsvpStatus};

use crate::api::client::{self, Method};
use crate::api::events::rsvp_path;
use crate::components::feedback::error_message;
use crate::i18n::messages::events::{self as texts, Events};
use crate::i18n::use_i18n;
use crate::state::outbox::use_outbox;
use crate::state::session::use_session;

/// Going, interested or not going, changeable. The answer shows at once and goes through the
/// outbox (so one given offline arrives, once); the server's answer replaces the guess — a full
/// event puts the member on the waitlist, with their place in line.
#[component]
pub fn RsvpPanel(
    /// The event.
    event_id: String,
    /// The date of a series answered for (its start); `None` for a one-off event.
    occurrence: Option<String>,
    /// A series whose places are not limited can be answered for all its dates at once.
    whole_series_allowed: bool,
    /// The event's state when shown.
    state: RsvpState,
    /// Answers are taken (signed in, not cancelled, not over).
    open: bool,
    /// Told the server's answer.
    on_answered: Callback<RsvpState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let outbox = use_outbox();
    let current = RwSignal::new(state);
    let whole_series = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let topic = format!("rsvp:{event_id}:{}", occurrence.clone().unwrap_or_default());
    let path = rsvp_path(&event_id);

    outbox.on_delivered(topic.clone(), move |delivery| {
        if let Ok(state) = client::decode::<RsvpState>(&delivery.response) {
            current.set(state.clone());
            on_answered.run(state);
        }
    });
    let refused_topic = topic.clone();
    let before = StoredValue::new(current.get_untracked());
    Effect::new(move |_| {
        for refused in outbox.pending(&refused_topic).into_iter().filter(|p| p.refused.is_some()) {
            outbox.discard(&refused.key);
            current.set(before.get_value());
            if let Some(error) = refused.error() {
                message.set(Some(format!("{} {}", i18n.t(Events::RsvpRefused), error_message(i18n, &error))));
            }
        }
    });
    let pending_topic = topic.clone();
    let waiting = move || outbox.pending(&pending_topic).iter().any(|p| p.refused.is_none()) && outbox.offline();

    let answer = Callback::new(move |status: RsvpStatus| {
        message.set(None);
        let now = current.get_untracked();
        before.set_value(now.clone());
        let full = now.capacity.is_some_and(|c| now.going_count >= c) && now.status != RsvpStatus::Going;
        let was_going = now.status == RsvpStatus::Going;
        let (shown, going_count) = match status {
            RsvpStatus::Going if full => (RsvpStatus::Waitlisted, now.going_count),
            RsvpStatus::Going => (RsvpStatus::Going, now.going_count + i64::from(!was_going)),
            other => (other, now.going_count - i64::from(was_going)),
        };
        current.set(RsvpState { status: shown, waitlist_position: None, going_count, capacity: now.capacity });
        let occurrence = if whole_series.get_untracked() { None } else { occurrence.clone() };
        outbox.send(&topic, Method::Put, &path, &RsvpRequest { status, occurrence });
    });
    let full =
        move || current.with(|s| s.capacity.is_some_and(|c| s.going_count >= c) && s.status != RsvpStatus::Going);
    let waitlisted = move || current.with(|s| s.status == RsvpStatus::Waitlisted);
    let pressed = move |status: RsvpStatus| move || current.with(|s| s.status == status).to_string();
    // The first choice says what pressing it does now: go, join the line, or (in it) leave it.
    let first = move || first_choice(current.with(|s| s.status), full());
    let status_text = move || {
        let locale = i18n.locale();
        current.with(|s| match s.status {
            RsvpStatus::Going => Some(i18n.t(Events::YouAreGoing).to_owned()),
            RsvpStatus::Waitlisted => Some(match s.waitlist_position {
                Some(position) => texts::waitlist_position(locale, position),
                None => i18n.t(Events::OnWaitlist).to_owned(),
            }),
            RsvpStatus::Interested => Some(i18n.t(Events::YouAreInterested).to_owned()),
            RsvpStatus::NotGoing => Some(i18n.t(Events::YouAreNotGoing).to_owned()),
            RsvpStatus::Unknown => None,
        })
    };
    let next = crate::components::account::sign_in_href(&format!("/events/{event_id}"));

    view! {
        <section class="rsvp" aria-labelledby="rsvp-title">
            <h2 class="rsvp__title" id="rsvp-title">{i18n.t(Events::RsvpTitle)}</h2>
            <p class="rsvp__count">{move || current.with(|s| texts::going(i18n.locale(), s.going_count, s.capacity))}</p>
            {move || match (session.signed_in(), open) {
                (Some(true), true) => leptos::either::EitherOf3::A(view! {
                    <div class="rsvp__choices" role="group" aria-labelledby="rsvp-title">
                        <button type="button" class="button button--secondary rsvp__choice"
                            aria-pressed=move || (!waitlisted()).then(pressed(RsvpStatus::Going))
                            on:click=move |_| answer.run(first().0)>
                            {move || i18n.t(first().1)}
                        </button>
                        <button type="button" class="button button--secondary rsvp__choice" aria-pressed=pressed(RsvpStatus::Interested)
                            on:click=move |_| answer.run(RsvpStatus::Interested)>{i18n.t(Events::Interested)}</button>
                        <button type="button" class="button button--secondary rsvp__choice" aria-pressed=pressed(RsvpStatus::NotGoing)
                            on:click=move |_| answer.run(RsvpStatus::NotGoing)>{i18n.t(Events::NotGoing)}</button>
                    </div>
                    {whole_series_allowed.then(|| view! {
                        <div class="field field--checkbox">
                            <input id="rsvp-series" class="field__checkbox" type="checkbox" bind:checked=whole_series />
                            <label class="field__label field__label--inline" for="rsvp-series">{i18n.t(Events::WholeSeries)}</label>
                        </div>
                    })}
                }),
                (Some(false), true) => leptos::either::EitherOf3::B(view! {
                    <A href=next.clone() attr:class="button">{i18n.t(Events::SignInToRsvp)}</A>
                }),
                _ => leptos::either::EitherOf3::C(view! { <p class="field__hint">{i18n.t(Events::RsvpClosed)}</p> }),
            }}
            <p class="rsvp__status" role="status">
                {move || message.get()
                    .or_else(|| waiting().then(|| i18n.t(Events::RsvpPending).to_owned()))
                    .or_else(status_text)}
            </p>
        </section>
    }
}

/// The first RSVP button as things stand: the answer it sends and what it says. On the
/// waitlist it takes the member out of the line ("not going"), never offering to join it again.
fn first_choice(status: RsvpStatus, full: bool) -> (RsvpStatus, Events) {
    match status {
        RsvpStatus::Waitlisted => (RsvpStatus::NotGoing, Events::LeaveWaitlist),
        _ if full => (RsvpStatus::Going, Events::JoinWaitlist),
        _ => (RsvpStatus::Going, Events::Going),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_the_waitlist_the_button_offers_to_leave_it() {
        assert_eq!(first_choice(RsvpStatus::Waitlisted, true), (RsvpStatus::NotGoing, Events::LeaveWaitlist));
        assert_eq!(first_choice(RsvpStatus::Interested, true), (RsvpStatus::Going, Events::JoinWaitlist));
        assert_eq!(first_choice(RsvpStatus::NotGoing, false), (RsvpStatus::Going, Events::Going));
        assert_eq!(first_choice(RsvpStatus::Going, false), (RsvpStatus::Going, Events::Going));
    }
}
