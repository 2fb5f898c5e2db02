use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::moderation::{ModerationTarget, TargetKind};

use crate::api::url::encode;
use crate::i18n::messages::moderation::{self as texts, Moderation};
use crate::i18n::use_i18n;

/// Where the app shows a target: its thread (at the reply), its idea, the profile.
pub fn target_href(target: &ModerationTarget) -> String {
    let id = encode(&target.id);
    match (target.kind, &target.idea_id, &target.thread_id) {
        (TargetKind::Member, _, _) => format!("/members/{}", encode(&target.author.handle)),
        (TargetKind::Reply, Some(idea), _) => format!("/ideas/{}#reply-{id}", encode(idea)),
        (TargetKind::Reply, None, Some(thread)) => format!("/threads/{}#reply-{id}", encode(thread)),
        (TargetKind::Idea, _, _) | (TargetKind::Thread, Some(_), _) => {
            format!("/ideas/{}", encode(target.idea_id.as_deref().unwrap_or(&target.id)))
        }
        _ => format!("/threads/{}", encode(target.thread_id.as_deref().unwrap_or(&target.id))),
    }
}

/// The kind, title (a link to it) and author of a target, and its excerpt.
#[component]
pub fn TargetSummary(
    /// The target shown.
    target: ModerationTarget,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = target_href(&target);
    view! {
        <div class="moderation-target">
            <p class="moderation-target__head">
                <span class="badge">{i18n.t(texts::kind(target.kind))}</span>
                {target.hidden.then(|| view! { " "<span class="badge badge--hidden">{i18n.t(Moderation::HiddenPlaceholder)}</span> })}
                " "<A href=href attr:class="moderation-target__title">{target.title.clone()}</A>
            </p>
            <p class="moderation-target__meta">{i18n.t(Moderation::By)}" "{target.author.display_name.clone()}" (@"{target.author.handle.clone()}")"</p>
            {(!target.excerpt.is_empty()).then(|| view! { <blockquote class="moderation-target__excerpt">{target.excerpt.clone()}</blockquote> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veche_api::member::{Access, CommunityRole, MemberSummary};

    fn target(kind: TargetKind, thread: Option<&str>, idea: Option<&str>) -> ModerationTarget {
        ModerationTarget {
            kind,
            id: "7".into(),
            title: "T".into(),
            excerpt: String::new(),
            author: MemberSummary {
                id: "1".into(),
                handle: "anna".into(),
                display_name: "Anna".into(),
                avatar_url: None,
                role: CommunityRole::Member,
                access: Access::Member,
                reputation: 0,
                position: None,
                company: None,
                former: false,
            },
            hidden: false,
            thread_id: thread.map(Into::into),
            idea_id: idea.map(Into::into),
        }
    }

    #[test]
    fn targets_link_to_where_they_are_shown() {
        assert_eq!(target_href(&target(TargetKind::Reply, Some("3"), None)), "/threads/3#reply-7");
        assert_eq!(target_href(&target(TargetKind::Reply, None, Some("5"))), "/ideas/5#reply-7");
        assert_eq!(target_href(&target(TargetKind::Thread, Some("7"), None)), "/threads/7");
        assert_eq!(target_href(&target(TargetKind::Idea, None, Some("7"))), "/ideas/7");
        assert_eq!(target_href(&target(TargetKind::Member, None, None)), "/members/anna");
    }
}
