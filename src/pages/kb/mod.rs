//! The knowledge base: the sections with their articles, an article, and the staff's editor (a
//! new article, possibly made from an event's report, or a change to one).

mod article_editor;
mod article_page;
mod confirm_delete;
mod edit_article_page;
mod group_badge;
mod kb_page;
mod new_article_page;
mod section_form;
mod section_view;
mod staff_guard;

use article_page::ArticlePage;
use edit_article_page::EditArticlePage;
use kb_page::KnowledgeBasePage;
use leptos::prelude::*;
use new_article_page::NewArticlePage;
use staff_guard::StaffGuard;

use crate::pages::area_rest;
use crate::pages::not_found::NotFoundPage;

/// Which page of the area an address (below `/kb/`) names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    Index,
    New,
    Article(String),
    Edit(String),
    Unknown,
}

impl Place {
    fn of(rest: &str) -> Place {
        let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] => Place::Index,
            ["new"] => Place::New,
            ["articles", id] if !id.is_empty() => Place::Article((*id).to_owned()),
            ["articles", id, "edit"] if !id.is_empty() => Place::Edit((*id).to_owned()),
            _ => Place::Unknown,
        }
    }
}

/// Where a section is on the index page (`/kb#section-<id>`).
pub fn section_anchor(section_id: &str) -> String {
    format!("section-{section_id}")
}

/// `/kb`, `/kb/articles/<id>`, and for staff `/kb/new` and `/kb/articles/<id>/edit`. One route in
/// the app's router serves the whole area.
#[component]
pub fn KbArea() -> impl IntoView {
    let rest = area_rest("/kb");
    let place = Memo::new(move |_| rest.with(|rest| Place::of(rest)));
    move || match place.get() {
        Place::Index => view! { <KnowledgeBasePage /> }.into_any(),
        Place::New => view! { <StaffGuard><NewArticlePage /></StaffGuard> }.into_any(),
        Place::Article(id) => view! { <ArticlePage id=id /> }.into_any(),
        Place::Edit(id) => view! { <StaffGuard><EditArticlePage id=id.clone() /></StaffGuard> }.into_any(),
        Place::Unknown => view! { <NotFoundPage /> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Place, section_anchor};

    #[test]
    fn addresses_name_their_page() {
        assert_eq!(Place::of(""), Place::Index);
        assert_eq!(Place::of("/"), Place::Index);
        assert_eq!(Place::of("new"), Place::New);
        assert_eq!(Place::of("articles/7"), Place::Article("7".into()));
        assert_eq!(Place::of("articles/7/"), Place::Article("7".into()));
        assert_eq!(Place::of("articles/7/edit"), Place::Edit("7".into()));
        assert_eq!(Place::of("articles"), Place::Unknown);
        assert_eq!(Place::of("articles/7/history"), Place::Unknown);
        assert_eq!(Place::of("sections/2"), Place::Unknown);
    }

    #[test]
    fn sections_have_anchors() {
        assert_eq!(section_anchor("3"), "section-3");
    }
}
