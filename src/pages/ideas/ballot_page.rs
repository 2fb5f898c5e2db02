use std::collections::BTreeMap;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use veche_api::ideas::{Allocation, AllocationRequest, Ballot, BallotState};

use super::ballots_page::state_text;
use crate::api::ideas;
use crate::components::feedback::{Loading, error_text, errors_fallback};
use crate::i18n::format::{DateStyle, date, number};
use crate::i18n::messages::ideas::Ideas;
use crate::i18n::use_i18n;

/// `/ideas/ballots/<id>`: spread points while open; the ranked results once closed.
#[component]
pub fn BallotPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let ballot = LocalResource::new(move || {
        let id = id.get();
        async move { ideas::ballot(&id).await }
    });
    let retry = Callback::new(move |_| ballot.refetch());
    view! {
        <Title text=move || ballot.get().and_then(Result::ok).map(|b| b.title).unwrap_or_default() />
        <Transition fallback=Loading>
            <ErrorBoundary fallback=errors_fallback(retry)>
                {move || ballot.get().map(|result| result.map(|b| view! {
                    <BallotView ballot=b on_saved=Callback::new(move |updated: Ballot| ballot.set(Some(Ok(updated)))) />
                }))}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn BallotView(
    /// The ballot shown.
    ballot: Ballot,
    /// Told the ballot after the points were saved.
    on_saved: Callback<Ballot>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let points: RwSignal<BTreeMap<String, i64>> =
        RwSignal::new(ballot.items.iter().map(|i| (i.id.clone(), i.my_points)).collect());
    let budget = ballot.points_per_member;
    let left = move || budget - points.with(|p| p.values().sum::<i64>());
    let status = RwSignal::new(None::<String>);
    let id = StoredValue::new(ballot.id.clone());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        status.set(None);
        let request = AllocationRequest {
            allocations: points
                .get_untracked()
                .into_iter()
                .map(|(item_id, points)| Allocation { item_id, points })
                .collect(),
        };
        leptos::task::spawn_local(async move {
            match ideas::allocate(&id.get_value(), &request).await {
                Ok(updated) => {
                    status.set(Some(i18n.t(Ideas::PointsSaved).to_owned()));
                    on_saved.run(updated);
                }
                Err(error) => status.set(Some(i18n.t(error_text(&error)).to_owned())),
            }
        });
    };
    let closed = ballot.state == BallotState::Closed;
    let period = format!(
        "{} {} — {} {}",
        i18n.t(Ideas::Opens),
        date(&ballot.opens_at, locale, DateStyle::Long, None),
        i18n.t(if closed { Ideas::Closed } else { Ideas::Closes }),
        date(&ballot.closes_at, locale, DateStyle::Long, None)
    );
    view! {
        <article class="ballot">
            <p><A href="/ideas/ballots">{i18n.t(Ideas::Ballots)}</A></p>
            <h1>{ballot.title.clone()}</h1>
            <p class="ballot__meta">
                <span class=format!("status-chip status-chip--ballot-{}", ballot.state.as_str())>{i18n.t(state_text(ballot.state))}</span>
                " "{period}" · "{number(ballot.participants, locale)}" "{i18n.t(Ideas::Participants)}
            </p>
            <p>{ballot.description.clone()}</p>
            {if closed {
                Either::Left(view! {
                    <section aria-labelledby="results-title">
                        <h2 id="results-title">{i18n.t(Ideas::Results)}</h2>
                        <ol class="results">
                            {ballot.items.iter().map(|item| {
                                let total = item.total_points.unwrap_or(0);
                                let most = ballot.items.iter().filter_map(|i| i.total_points).max().unwrap_or(1).max(1);
                                let width = format!("results__bar results__bar--{}", (total * 10 / most).clamp(0, 10));
                                view! {
                                    <li class="results__item">
                                        <span class="results__rank">{item.rank.unwrap_or(0)}"."</span>
                                        <span class="results__title">{item.title.clone()}</span>
                                        <span class=width aria-hidden="true"></span>
                                        <span class="results__points">{number(total, locale)}" "{i18n.t(Ideas::Points)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                })
            } else {
                Either::Right(view! {
                    <form class="form form--wide" on:submit=save>
                        <p class="ballot__left" role="status">{i18n.t(Ideas::PointsLeft)}": "<strong>{left}</strong>" / "{budget}</p>
                        <p class="field__hint">{i18n.t(Ideas::ResultsLater)}</p>
                        {ballot.items.iter().map(|item| {
                            let item_id = item.id.clone();
                            let field = format!("points-{}", item.id);
                            let value_id = item_id.clone();
                            view! {
                                <div class="field field--inline ballot__item">
                                    <label class="field__label" for=field.clone()>{item.title.clone()}</label>
                                    <input
                                        id=field
                                        class="field__input ballot__points"
                                        type="number"
                                        min="0"
                                        max=budget
                                        inputmode="numeric"
                                        disabled=!ballot.can_vote
                                        prop:value=move || points.with(|p| p.get(&value_id).copied().unwrap_or(0)).to_string()
                                        on:input=move |event| {
                                            let value = event_target_value(&event).parse::<i64>().unwrap_or(0).clamp(0, budget);
                                            points.update(|p| { p.insert(item_id.clone(), value); });
                                        }
                                    />
                                </div>
                            }
                        }).collect_view()}
                        <button type="submit" class="button" disabled=move || !ballot.can_vote || left() < 0>{i18n.t(Ideas::SavePoints)}</button>
                        <p class="ballot__status" role="status">{move || status.get()}</p>
                    </form>
                })
            }}
        </article>
    }
}
