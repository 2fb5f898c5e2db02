use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::events::Occurrence;

use super::{EventChip, TimeZoneNotice, all_day_zones};
use crate::components::feedback::EmptyState;
use crate::i18n::format::intl_date;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// The next few events, for the home page.
#[component]
pub fn UpcomingEvents(
    /// The dates to show, soonest first.
    dates: Vec<Occurrence>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    view! {
        <section class="upcoming" aria-labelledby="upcoming-title">
            <div class="upcoming__head">
                <h2 id="upcoming-title">{i18n.t(Events::Upcoming3)}</h2>
                <A href="/events?view=agenda">{i18n.t(Events::AllEvents)}</A>
            </div>
            {if dates.is_empty() {
                leptos::either::Either::Left(view! { <EmptyState text=i18n.t(Events::NothingUpcoming) /> })
            } else {
                leptos::either::Either::Right(view! {
                    <TimeZoneNotice zones=all_day_zones(&dates) />
                    <ul class="upcoming__list">
                        {dates.into_iter().map(|o| {
                            let day = intl_date(&o.starts_at, locale, &[("weekday", "short"), ("day", "numeric"), ("month", "short")],
                                o.all_day.then_some(o.time_zone.as_str()));
                            view! {
                                <li class="upcoming__item">
                                    <span class="upcoming__day">{day}</span>
                                    <EventChip occurrence=o detailed=true />
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
