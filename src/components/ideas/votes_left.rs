use leptos::prelude::*;

use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::use_i18n;
use crate::state::votes::use_votes;

/// "3 votes left" for the signed-in member (nothing for guests), updated with every vote.
#[component]
pub fn VotesLeft() -> impl IntoView {
    let i18n = use_i18n();
    let votes = use_votes();
    view! {
        <p class="budget" role="status">
            {move || votes.budget().map(|b| match b.left {
                Some(left) => texts::votes_left(i18n.locale(), left),
                None => i18n.t(Ideas::Unlimited).to_owned(),
            })}
        </p>
    }
}
