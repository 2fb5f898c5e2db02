use leptos::prelude::*;
use veche_api::surveys::{Category, SurveyResponse};

use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::surveys::{Surveys, category_text};
use crate::i18n::{I18n, use_i18n};

/// Where an answer came from, as staff read it: a site's origin, or the community.
pub fn source_text(i18n: I18n, source: &str) -> String {
    if source == "community" { i18n.t(Surveys::CommunitySource).to_owned() } else { source.to_owned() }
}

/// Answers with a comment: the score and its group, when and where, the comment as plain text,
/// and whether the person may be contacted.
#[component]
pub fn CommentList(
    /// Newest first.
    responses: Vec<SurveyResponse>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    view! {
        <ul class="comment-list">
            {responses.into_iter().map(|response| {
                let category = Category::of(response.score).unwrap_or(Category::Detractor);
                let details: Vec<String> =
                    [response.source.as_deref().map(|source| source_text(i18n, source)), response.segment.clone(), response.respondent.clone()]
                        .into_iter()
                        .flatten()
                        .collect();
                view! {
                    <li class="comment-card" data-category=category.as_str()>
                        <p class="comment-card__head">
                            <span class="status-chip">
                                {response.score}" · "{i18n.t(category_text(category))}
                            </span>
                            <time datetime=response.created_at.clone()>{date(&response.created_at, locale, DateStyle::Long, None)}</time>
                            {details.into_iter().map(|detail| view! { <span class="comment-card__detail">{detail}</span> }).collect_view()}
                        </p>
                        <p class="comment-card__text">{response.comment.clone().unwrap_or_default()}</p>
                        {response.contact_ok.then(|| view! {
                            <p class="comment-card__contact">
                                {i18n.t(Surveys::ContactOk)}
                                {response.contact_email.clone().map(|email| view! { ": "<a href=format!("mailto:{email}")>{email.clone()}</a> })}
                            </p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
