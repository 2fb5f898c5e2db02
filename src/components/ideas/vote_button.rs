use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::ProblemCode;
use veche_api::ideas::VoteState;

use crate::api::ApiError;
use crate::api::client::{self, Method};
use crate::api::ideas::idea_path;
use crate::i18n::format::number;
use crate::i18n::messages::ideas::Ideas;
use crate::i18n::use_i18n;
use crate::state::outbox::use_outbox;
use crate::state::session::use_session;
use crate::state::votes::use_votes;

/// Vote or take the vote back. The count changes at once; the vote goes through the outbox, so
/// one given offline is counted (once) when the network is back; a refusal (no votes left,
/// voting closed) puts the count back and says why.
#[component]
pub fn VoteButton(
    /// The idea.
    idea_id: String,
    /// Votes when shown.
    count: i64,
    /// The viewer's vote when shown.
    voted: bool,
    /// The idea still takes votes.
    open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let outbox = use_outbox();
    let votes = use_votes();
    let topic = format!("vote:{idea_id}");
    // A vote still waiting in the outbox (given offline, then the page reloaded) shows as given.
    let queued = outbox
        .pending(&topic)
        .into_iter()
        .rev()
        .find(|p| p.refused.is_none())
        .map(|p| p.method == Method::Put.as_str());
    let shown = queued.unwrap_or(voted);
    let count = RwSignal::new(count + i64::from(shown) - i64::from(voted));
    let voted = RwSignal::new(shown);
    let message = RwSignal::new(None::<String>);
    let path = format!("{}/vote", idea_path(&idea_id));
    let describe_id = format!("vote-{idea_id}-why");

    // The server's answer replaces the guess.
    outbox.on_delivered(topic.clone(), move |delivery| {
        if let Ok(state) = client::decode::<VoteState>(&delivery.response) {
            count.set(state.vote_count);
            voted.set(state.voted);
            votes.set(state.budget);
        }
    });
    // A refusal undoes the guess and says why.
    let refused_topic = topic.clone();
    Effect::new(move |_| {
        for refused in outbox.pending(&refused_topic).into_iter().filter(|p| p.refused.is_some()) {
            outbox.discard(&refused.key);
            let was_giving = refused.method == Method::Put.as_str();
            voted.set(!was_giving);
            count.update(|c| *c += if was_giving { -1 } else { 1 });
            votes.adjust(if was_giving { -1 } else { 1 });
            let reason = match refused.error() {
                Some(ApiError::Conflict { code: ProblemCode::VoteBudgetExhausted, .. }) => {
                    i18n.t(Ideas::NoVotesLeft).to_owned()
                }
                Some(ApiError::Conflict { code: ProblemCode::VotingClosed, .. }) => {
                    i18n.t(Ideas::VotingClosed).to_owned()
                }
                Some(error) => {
                    format!(
                        "{} {}",
                        i18n.t(Ideas::VoteRefused),
                        crate::components::feedback::error_message(i18n, &error)
                    )
                }
                None => continue,
            };
            message.set(Some(reason));
            votes.reload();
        }
    });

    let pending_topic = topic.clone();
    let waiting = move || outbox.pending(&pending_topic).iter().any(|p| p.refused.is_none()) && outbox.offline();
    // Only an idea that still takes votes can be blocked by the budget: under an implemented,
    // declined or merged one "no votes left" would be noise.
    let blocked = move || open && !voted.get() && !votes.allows_another();
    let toggle = move |_| {
        message.set(None);
        let give = !voted.get_untracked();
        if give && !votes.allows_another() {
            message.set(Some(i18n.t(Ideas::NoVotesLeft).to_owned()));
            return;
        }
        voted.set(give);
        count.update(|c| *c += if give { 1 } else { -1 });
        votes.adjust(if give { 1 } else { -1 });
        let method = if give { Method::Put } else { Method::Delete };
        outbox.send(&topic, method, &path, &());
    };
    let label = move || if voted.get() { i18n.t(Ideas::TakeBack) } else { i18n.t(Ideas::VoteFor) };
    let next = crate::components::account::sign_in_href(&format!("/ideas/{idea_id}"));
    let button_describes = describe_id.clone();

    view! {
        <div class="vote">
            <p class="vote__count" aria-live="polite">
                <strong>{move || number(count.get(), i18n.locale())}</strong>
                <span class="visually-hidden">" "{move || crate::i18n::messages::ideas::votes(i18n.locale(), count.get())}</span>
            </p>
            {move || match (session.signed_in(), open) {
                (Some(true), true) => leptos::either::EitherOf3::A(view! {
                    <button
                        type="button"
                        class="vote__button"
                        class:vote__button--voted=move || voted.get()
                        class:vote__button--blocked=blocked
                        aria-pressed=move || voted.get().to_string()
                        aria-label=label
                        aria-describedby=button_describes.clone()
                        on:click=toggle.clone()
                    >
                        <span aria-hidden="true">"▲"</span>
                        {move || if voted.get() { i18n.t(Ideas::Voted) } else { i18n.t(Ideas::Vote) }}
                    </button>
                }),
                (Some(false), true) => leptos::either::EitherOf3::B(view! {
                    <A href=next.clone() attr:class="vote__signin">{i18n.t(Ideas::SignInToVote)}</A>
                }),
                _ => leptos::either::EitherOf3::C(()),
            }}
            <p class="vote__why" id=describe_id.clone() role="status">
                {move || message.get().or_else(|| waiting().then(|| i18n.t(Ideas::VotePending).to_owned()))
                    .or_else(|| blocked().then(|| i18n.t(Ideas::NoVotesLeftShort).to_owned()))}
            </p>
        </div>
    }
}
