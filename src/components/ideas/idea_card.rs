use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::ideas::IdeaSummary;

use super::{StatusChip, VoteButton};
use crate::components::members::shown_name;
use crate::i18n::messages::ideas;
use crate::i18n::use_i18n;

/// One idea on the board: votes, title, excerpt, status, category, comments, author.
#[component]
pub fn IdeaCard(
    /// The idea.
    idea: IdeaSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/ideas/{}", idea.id);
    view! {
        <li class="idea-card">
            <VoteButton idea_id=idea.id.clone() count=idea.vote_count voted=idea.voted open=idea.status.is_open() />
            <div class="idea-card__body">
                <h3 class="idea-card__title"><A href=href>{idea.title.clone()}</A></h3>
                <p class="idea-card__excerpt">{idea.excerpt.clone()}</p>
                <p class="idea-card__meta">
                    <StatusChip status=idea.status />
                    " · "<span>{idea.category.name.clone()}</span>
                    " · "<span>{ideas::comments(i18n.locale(), idea.comment_count)}</span>
                    " · "<span>{shown_name(&idea.author, i18n)}</span>
                </p>
            </div>
        </li>
    }
}
