use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use veche_api::ideas::{Ballot, BallotState};

use crate::api::ideas;
use crate::components::feedback::Loaded;
use crate::components::ideas::BallotForm;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::use_i18n;
use crate::state::session::use_session;

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
    let session = use_session();
    let staff = move || session.account().is_some_and(|a| a.member.access.is_staff());
    let navigate = use_navigate();
    let opened =
        Callback::new(move |ballot: Ballot| navigate(&format!("/ideas/ballots/{}", ballot.id), Default::default()));
    view! {
        <Title text=i18n.t(Ideas::Ballots) />
        <header class="page-head">
            <div>
                <h1>{i18n.t(Ideas::Ballots)}</h1>
                <p class="page-head__intro">{i18n.t(Ideas::BallotsIntro)}</p>
            </div>
            <A href="/ideas" attr:class="button button--ghost">{i18n.t(Ideas::Title)}</A>
        </header>
        <Show when=staff>
            <details class="ballot-new">
                <summary class="button button--secondary">{i18n.t(Ideas::NewBallot)}</summary>
                <BallotForm on_created=opened />
            </details>
        </Show>
        <Loaded resource=ballots let:loaded>
            {{
                let mut list = loaded;
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
                                    <p class="ballot-list__meta">{when}" · "{texts::participants(i18n.locale(), b.participants)}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }}
        </Loaded>
    }
}
