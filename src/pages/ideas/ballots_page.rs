use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::ideas::BallotState;

use crate::api::ideas;
use crate::components::feedback::{Loading, errors_fallback};
use crate::i18n::format::{DateStyle, date, number};
use crate::i18n::messages::ideas::Ideas;
use crate::i18n::use_i18n;

pub fn state_text(state: BallotState) -> Ideas {
    match state {
        BallotState::Open => Ideas::BallotOpen,
        BallotState::Upcoming => Ideas::BallotUpcoming,
        BallotState::Closed | BallotState::Unknown => Ideas::BallotClosed,
    }
}

/// `/ideas/ballots`: prioritisation ballots, open ones first.
#[component]
pub fn BallotsPage() -> impl IntoView {
    let i18n = use_i18n();
    let ballots = LocalResource::new(ideas::ballots);
    let retry = Callback::new(move |_| ballots.refetch());
    view! {
        <Title text=i18n.t(Ideas::Ballots) />
        <header class="page-head">
            <div>
                <h1>{i18n.t(Ideas::Ballots)}</h1>
                <p class="page-head__intro">{i18n.t(Ideas::BallotsIntro)}</p>
            </div>
            <A href="/ideas" attr:class="button button--ghost">{i18n.t(Ideas::Title)}</A>
        </header>
        <Transition fallback=Loading>
            <ErrorBoundary fallback=errors_fallback(retry)>
                {move || ballots.get().map(|result| result.map(|mut list| {
                    list.sort_by_key(|b| b.state != BallotState::Open);
                    view! {
                        <ul class="ballot-list">
                            {list.into_iter().map(|b| {
                                let when = if b.state == BallotState::Closed {
                                    format!("{} {}", i18n.t(Ideas::Closed), date(&b.closes_at, i18n.locale(), DateStyle::Long, None))
                                } else {
                                    format!("{} {}", i18n.t(Ideas::Closes), date(&b.closes_at, i18n.locale(), DateStyle::Long, None))
                                };
                                view! {
                                    <li class="ballot-list__item">
                                        <span class=format!("status-chip status-chip--ballot-{}", b.state.as_str())>{i18n.t(state_text(b.state))}</span>
                                        <A href=format!("/ideas/ballots/{}", b.id)>{b.title.clone()}</A>
                                        <p class="ballot-list__meta">{when}" · "{number(b.participants, i18n.locale())}" "{i18n.t(Ideas::Participants)}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                }))}
            </ErrorBoundary>
        </Transition>
    }
}
