use std::collections::BTreeMap;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use veche_api::ideas::{Allocation, AllocationRequest, Ballot, BallotState};

use super::ballots_page::state_text;
use crate::api::ideas;
use crate::components::account::sign_in_href;
use crate::components::feedback::{Loaded, error_message};
use crate::i18n::format::{DateStyle, date, number};
use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/ideas/ballots/<id>`: spread points while open; the ranked results once closed.
#[component]
pub fn BallotPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let ballot = LocalResource::new(move || {
        let id = id.get();
        async move { ideas::ballot(&id).await }
    });
    view! {
        <Title text=move || ballot.get().and_then(Result::ok).map(|b| b.title).unwrap_or_default() />
        <Loaded resource=ballot let:b>
            {view! {
                <BallotView ballot=b on_closed=Callback::new(move |closed: Ballot| ballot.set(Some(Ok(closed)))) />
                }}
        </Loaded>
    }
}

#[component]
fn BallotView(
    /// The ballot shown.
    ballot: Ballot,
    /// Told the ballot with its results once staff closed it.
    on_closed: Callback<Ballot>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let session = use_session();
    let closed = ballot.state == BallotState::Closed;
    let period = format!(
        "{} {} — {} {}",
        i18n.t(Ideas::Opens),
        date(&ballot.opens_at, locale, DateStyle::Long, None),
        i18n.t(if closed { Ideas::Closed } else { Ideas::Closes }),
        date(&ballot.closes_at, locale, DateStyle::Long, None)
    );
    let staff = move || session.account().is_some_and(|a| a.member.access.is_staff());
    let open = ballot.state == BallotState::Open;
    let shown = ballot.clone();
    let next = sign_in_href(&format!("/ideas/ballots/{}", ballot.id));
    let body = move || {
        if closed {
            EitherOf3::A(view! { <BallotResults ballot=shown.clone() /> })
        } else if open && session.signed_in() == Some(false) {
            EitherOf3::B(view! { <p class="notice"><A href=next.clone()>{i18n.t(Ideas::SignInToAllocate)}</A></p> })
        } else {
            EitherOf3::C(view! { <PointsForm ballot=shown.clone() /> })
        }
    };
    let id = ballot.id.clone();
    view! {
        <article class="ballot">
            <p><A href="/ideas/ballots">{i18n.t(Ideas::Ballots)}</A></p>
            <h1>{ballot.title.clone()}</h1>
            <p class="ballot__meta">
                <span class=format!("status-chip status-chip--ballot-{}", ballot.state.as_str())>{i18n.t(state_text(ballot.state))}</span>
                " "{period}" · "{texts::participants(locale, ballot.participants)}
            </p>
            <p>{ballot.description.clone()}</p>
            {body}
            {move || (open && staff()).then(|| view! { <CloseBallot ballot_id=id.clone() on_closed=on_closed /> })}
        </article>
    }
}

/// Everyone's points, ranked, once the ballot has closed.
#[component]
fn BallotResults(
    /// A closed ballot.
    ballot: Ballot,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let most = ballot.items.iter().filter_map(|i| i.total_points).max().unwrap_or(1).max(1);
    view! {
        <section aria-labelledby="results-title">
            <h2 id="results-title">{i18n.t(Ideas::Results)}</h2>
            <ol class="results">
                {ballot.items.iter().map(|item| {
                    let total = item.total_points.unwrap_or(0);
                    let bar = format!("results__bar results__bar--{}", (total * 10 / most).clamp(0, 10));
                    view! {
                        <li class="results__item">
                            <span class="results__rank">{item.rank.unwrap_or(0)}"."</span>
                            <span class="results__title">{item.title.clone()}</span>
                            <span class="results__points">{texts::points(locale, total)}</span>
                            <span class=bar aria-hidden="true"></span>
                            {(item.my_points > 0).then(|| view! {
                                <span class="results__mine">{i18n.t(Ideas::YourPoints)}": "{number(item.my_points, locale)}</span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The member's spread of points over the items, while the ballot takes points.
#[component]
fn PointsForm(
    /// An open (or upcoming) ballot.
    ballot: Ballot,
) -> impl IntoView {
    let i18n = use_i18n();
    let points: RwSignal<BTreeMap<String, i64>> =
        RwSignal::new(ballot.items.iter().map(|i| (i.id.clone(), i.my_points)).collect());
    let budget = ballot.points_per_member;
    let left = move || budget - points.with(|p| p.values().sum::<i64>());
    let overspent = move || left() < 0;
    let status = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let id = StoredValue::new(ballot.id.clone());
    let can_vote = ballot.can_vote;
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if overspent() {
            return;
        }
        status.set(None);
        saving.set(true);
        let request = AllocationRequest {
            allocations: points
                .get_untracked()
                .into_iter()
                .map(|(item_id, points)| Allocation { item_id, points })
                .collect(),
        };
        leptos::task::spawn_local(async move {
            let message = match ideas::allocate(&id.get_value(), &request).await {
                Ok(_) => i18n.t(Ideas::PointsSaved).to_owned(),
                Err(error) => error_message(i18n, &error),
            };
            status.set(Some(message));
            saving.set(false);
        });
    };
    view! {
        <form class="form form--wide" on:submit=save novalidate>
            <p class="ballot__left" role="status" aria-describedby="points-over">
                {i18n.t(Ideas::PointsLeft)}": "<strong>{move || left().max(0)}</strong>" / "{budget}
            </p>
            <p class="field__error" id="points-over" hidden=move || !overspent()>{i18n.t(Ideas::TooManyPoints)}</p>
            <p class="field__hint">{if can_vote { i18n.t(Ideas::ResultsLater) } else { i18n.t(Ideas::NotOpenYet) }}</p>
            {ballot.items.iter().map(|item| {
                let item_id = item.id.clone();
                let field = format!("points-{}", item.id);
                let value_id = item_id.clone();
                let hint = (!item.description.is_empty()).then(|| format!("{field}-hint"));
                view! {
                    <div class="field field--inline ballot__item">
                        <div class="ballot__text">
                            <label class="field__label" for=field.clone()>{item.title.clone()}</label>
                            {hint.clone().map(|hint| view! { <p class="field__hint" id=hint>{item.description.clone()}</p> })}
                        </div>
                        <input
                            id=field
                            class="field__input ballot__points"
                            type="number"
                            min="0"
                            max=budget
                            inputmode="numeric"
                            aria-describedby=hint
                            disabled=!can_vote
                            prop:value=move || points.with(|p| p.get(&value_id).copied().unwrap_or(0)).to_string()
                            on:input=move |event| {
                                let value = event_target_value(&event).trim().parse::<i64>().unwrap_or(0).clamp(0, budget);
                                points.update(|p| { p.insert(item_id.clone(), value); });
                            }
                        />
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button" disabled=move || !can_vote || saving.get() || overspent()>{i18n.t(Ideas::SavePoints)}</button>
            <p class="ballot__status" role="status">{move || status.get()}</p>
        </form>
    }
}

/// Staff end the ballot before its planned close, after saying yes a second time.
#[component]
fn CloseBallot(
    /// The open ballot.
    ballot_id: String,
    /// Told the closed ballot, with its results.
    on_closed: Callback<Ballot>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let id = StoredValue::new(ballot_id);
    let close = Action::new_local(move |_: &()| async move { ideas::close_ballot(&id.get_value()).await });
    Effect::new(move |_| match close.value().get() {
        Some(Ok(closed)) => on_closed.run(closed),
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    view! {
        <section class="staff-tools" aria-labelledby="close-ballot-title">
            <h2 id="close-ballot-title">{i18n.t(Ideas::ManageBallot)}</h2>
            {move || if asking.get() {
                Either::Left(view! {
                    <p>{i18n.t(Ideas::CloseBallotWarning)}</p>
                    <div class="form__actions">
                        <button type="button" class="button" disabled=move || close.pending().get()
                            on:click=move |_| { failure.set(None); close.dispatch(()); }>
                            {i18n.t(Ideas::CloseBallotConfirm)}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>
                            {i18n.t(Threads::Cancel)}
                        </button>
                    </div>
                })
            } else {
                Either::Right(view! {
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>
                        {i18n.t(Ideas::CloseBallot)}
                    </button>
                })
            }}
            <p class="field__error" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
        </section>
    }
}
