use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use veche_api::kb::{ArticleInput, KnowledgeBase, article_from_report, reports_section};

use super::article_editor::ArticleEditor;
use crate::api::{self, ApiResult};
use crate::components::feedback::Loaded;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// (id, title) of every section, for the editor's choice.
pub fn section_choices(base: &KnowledgeBase) -> Vec<(String, String)> {
    base.sections.iter().map(|s| (s.id.clone(), s.title.clone())).collect()
}

/// What a new article starts with: the section `?section=` names, and with `?event=` the
/// event's title and report (`event` is that event's title and report).
fn new_article(section: String, event_id: Option<String>, event: Option<(String, String)>) -> ArticleInput {
    let (title, body) = event.map(|(title, report)| article_from_report(&title, &report)).unwrap_or_default();
    ArticleInput { section_id: section, title, body, event_id, version: None }
}

/// The draft of a new article: one of its own for each event's report.
fn draft_name(event_id: Option<&str>) -> String {
    event_id.map_or_else(|| "kb.new".to_owned(), |id| format!("kb.new.event.{id}"))
}

/// `/kb/new?section=&event=` (staff): a new article, in the section named, or made from an
/// event's report (title and text filled in from it, to edit before publishing; in the section
/// where the last report went, unless one is named).
#[component]
pub fn NewArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let section = query.with_untracked(|q| q.get("section").unwrap_or_default());
    let event_id = query.with_untracked(|q| q.get("event")).filter(|id| !id.is_empty());
    let loaded = LocalResource::new(move || {
        let event_id = event_id.clone();
        async move {
            let base = api::kb::index().await?;
            let event = match &event_id {
                Some(id) => Some(api::events::event(id, "").await?),
                None => None,
            };
            ApiResult::Ok((base, event))
        }
    });

    view! {
        <Title text=i18n.t(Kb::NewArticleTitle) />
        <section class="editor-page">
            <h1>{i18n.t(Kb::NewArticleTitle)}</h1>
            <Loaded resource=loaded let:loaded>
                {{
                    let (base, event) = loaded;
                    let event_title = event.as_ref().map(|e| e.title.clone());
                    let event_id = event.as_ref().map(|e| e.id.clone());
                    let section = match (section.is_empty(), &event) {
                        (true, Some(_)) => reports_section(&base).unwrap_or_default().to_owned(),
                        _ => section.clone(),
                    };
                    let source = event.map(|e| (e.title, e.report.unwrap_or_default()));
                    view! {
                        <ArticleEditor
                            draft_name=draft_name(event_id.as_deref())
                            saved=new_article(section, event_id, source)
                            sections=section_choices(&base)
                            article_id=None
                            event_title=event_title
                            cancel_href="/kb".to_owned()
                            reload=None
                        />
                    }
                }}
            </Loaded>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_fills_in_a_new_article() {
        let input = new_article("4".into(), Some("9".into()), Some(("Tula meetup".into(), "We met.".into())));
        assert_eq!(input.section_id, "4");
        assert_eq!((input.title.as_str(), input.body.as_str()), ("Tula meetup", "We met."));
        assert_eq!(input.event_id.as_deref(), Some("9"));
        assert_eq!(input.version, None);
        assert_eq!(new_article(String::new(), None, None), ArticleInput::default());
    }

    #[test]
    fn each_report_has_a_draft_of_its_own() {
        assert_eq!(draft_name(None), "kb.new");
        assert_eq!(draft_name(Some("9")), "kb.new.event.9");
    }
}
