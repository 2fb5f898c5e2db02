use leptos::prelude::*;

use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::use_i18n;
use crate::state::votes::use_votes;

/// "3 votes left" for the signed-in member (nothing for guests), updated with every vote, and
/// how spent votes come back when the budget is limited.
#[component]
pub fn VotesLeft() -> impl IntoView {
    let i18n = use_i18n();
    let votes = use_votes();
    let limited = move || votes.budget().is_some_and(|b| b.left.is_some());
    view! {
        <div class="budget">
            <p class="budget__left" role="status">
                {move || votes.budget().map(|b| match b.left {
                    Some(left) => texts::votes_left(i18n.locale(), left),
                    None => i18n.t(Ideas::Unlimited).to_owned(),
                })}
            </p>
            <p class="budget__how" hidden=move || !limited()>{i18n.t(Ideas::VotesComeBack)}</p>
        </div>
    }
}
