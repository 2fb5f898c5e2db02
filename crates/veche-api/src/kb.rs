//! The knowledge base: staff-curated articles (markdown) in sections, linked from the threads
//! they answer; an event's report can become an article.

use serde::{Deserialize, Serialize};

use crate::groups::GroupRef;
use crate::member::MemberSummary;
use crate::validate::{FieldErrors, optional_text, text};

pub const SECTION_TITLE_MIN: usize = 2;
pub const SECTION_TITLE_MAX: usize = 80;
pub const SECTION_DESCRIPTION_MAX: usize = 300;
pub const ARTICLE_TITLE_MIN: usize = 5;
pub const ARTICLE_TITLE_MAX: usize = 150;
pub const ARTICLE_BODY_MAX: usize = 40_000;

/// `GET /kb`: every section, in order, with the articles the reader may read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    pub sections: Vec<Section>,
}

/// A section of the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Newest change first.
    pub articles: Vec<ArticleSummary>,
}

/// An article in a list: enough to choose it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    /// The start of the article as plain text.
    pub summary: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupRef>,
    /// The event whose report the article was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// Where a new article made from an event's report goes first: the section of the newest such
/// article (staff keep reports together), if there is one.
pub fn reports_section(base: &KnowledgeBase) -> Option<&str> {
    base.sections
        .iter()
        .flat_map(|section| section.articles.iter().map(move |article| (section, article)))
        .filter(|(_, article)| article.event_id.is_some())
        .max_by(|(_, a), (_, b)| a.updated_at.cmp(&b.updated_at))
        .map(|(section, _)| section.id.as_str())
}

/// A link to an article or a thread: its id and title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: String,
    pub title: String,
}

/// `GET /kb/articles/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub section: Link,
    pub author: MemberSummary,
    pub created_at: String,
    pub updated_at: String,
    /// Grows with each change; an edit sends the version it started from.
    pub version: i64,
    /// The event whose report the article was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Link>,
    /// The threads that link to the article (those the reader may read).
    #[serde(default)]
    pub threads: Vec<Link>,
    /// Only the group's members read it (an article made from a group's event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupRef>,
}

/// `POST /kb/articles` and `PUT /kb/articles/{id}` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleInput {
    pub section_id: String,
    pub title: String,
    pub body: String,
    /// Made from this event's report (only when creating; the article then belongs to the
    /// event's group, if it has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// For an edit: the version it started from (a newer one on the server answers 409).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

/// `POST /kb/sections` and `PUT /kb/sections/{id}` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// `PUT /kb/sections/{id}/place` (staff): the section goes just before section `before`, or last.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionPlace {
    #[serde(default)]
    pub before: Option<String>,
}

/// Where the section at `index` of `ids` goes to move one place up (`by` −1) or down (+1);
/// `None` when it is already at that end.
pub fn one_place(ids: &[String], index: usize, by: isize) -> Option<SectionPlace> {
    let neighbour = index.checked_add_signed(by).filter(|n| *n < ids.len() && index < ids.len())?;
    // Up: before the one above it. Down: before the one after its lower neighbour, or last.
    let before = if by < 0 { ids.get(neighbour) } else { ids.get(neighbour + 1) };
    Some(SectionPlace { before: before.cloned() })
}

/// `PUT /threads/{id}/articles` (staff): the articles the thread links to, in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadArticles {
    pub article_ids: Vec<String>,
}

/// Most articles one thread links to.
pub const THREAD_ARTICLES_MAX: usize = 5;

pub fn check_article(input: &ArticleInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("section_id", text(&input.section_id, 1, 20));
    errors.check("title", text(&input.title, ARTICLE_TITLE_MIN, ARTICLE_TITLE_MAX));
    errors.check("body", text(&input.body, 1, ARTICLE_BODY_MAX));
    errors
}

pub fn check_section(input: &SectionInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("title", text(&input.title, SECTION_TITLE_MIN, SECTION_TITLE_MAX));
    errors.check("description", optional_text(&input.description, SECTION_DESCRIPTION_MAX));
    errors
}

/// The article a report becomes: the event's title and its report, which staff then edit.
pub fn article_from_report(event_title: &str, report: &str) -> (String, String) {
    let title: String = event_title.chars().take(ARTICLE_TITLE_MAX).collect();
    (title, report.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Issue;

    #[test]
    fn an_article_needs_a_section_a_title_and_a_body() {
        let errors = check_article(&ArticleInput::default());
        assert_eq!(errors.get("section_id"), Some(Issue::Required));
        assert_eq!(errors.get("title"), Some(Issue::Required));
        assert_eq!(errors.get("body"), Some(Issue::Required));
        let input = ArticleInput {
            section_id: "1".into(),
            title: "Rate".into(),
            body: "x".repeat(ARTICLE_BODY_MAX + 1),
            ..ArticleInput::default()
        };
        let errors = check_article(&input);
        assert_eq!(errors.get("title"), Some(Issue::TooShort { min: ARTICLE_TITLE_MIN }));
        assert_eq!(errors.get("body"), Some(Issue::TooLong { max: ARTICLE_BODY_MAX }));
        let fine = ArticleInput { title: "Rate limits".into(), body: "120 a minute.".into(), ..input };
        assert!(check_article(&fine).is_empty());
    }

    fn summary(id: &str, updated_at: &str, event: Option<&str>) -> ArticleSummary {
        ArticleSummary {
            id: id.into(),
            title: format!("Article {id}"),
            summary: String::new(),
            updated_at: updated_at.into(),
            group: None,
            event_id: event.map(Into::into),
        }
    }

    fn section(id: &str, articles: Vec<ArticleSummary>) -> Section {
        Section { id: id.into(), title: format!("Section {id}"), description: String::new(), articles }
    }

    #[test]
    fn a_section_moves_one_place_and_not_past_either_end() {
        let ids: Vec<String> = ["1", "2", "3"].map(String::from).to_vec();
        let before = |id: &str| Some(SectionPlace { before: Some(id.into()) });
        assert_eq!(one_place(&ids, 1, -1), before("1"));
        assert_eq!(one_place(&ids, 2, -1), before("2"));
        assert_eq!(one_place(&ids, 0, 1), before("3"));
        assert_eq!(one_place(&ids, 1, 1), Some(SectionPlace { before: None }));
        assert_eq!(one_place(&ids, 0, -1), None);
        assert_eq!(one_place(&ids, 2, 1), None);
        assert_eq!(one_place(&ids, 5, -1), None);
    }

    #[test]
    fn a_report_goes_where_the_newest_report_went() {
        let mut base = KnowledgeBase {
            sections: vec![
                section("1", vec![summary("a", "2026-05-01T10:00:00Z", None)]),
                section("2", vec![summary("b", "2026-03-01T10:00:00Z", Some("7"))]),
                section(
                    "3",
                    vec![summary("c", "2026-04-01T10:00:00Z", Some("8")), summary("d", "2026-06-01T10:00:00Z", None)],
                ),
            ],
        };
        assert_eq!(reports_section(&base), Some("3"));
        base.sections.remove(2);
        assert_eq!(reports_section(&base), Some("2"));
        base.sections.remove(1);
        assert_eq!(reports_section(&base), None);
    }

    #[test]
    fn a_section_description_is_optional_but_bounded() {
        assert!(check_section(&SectionInput { title: "FAQ".into(), description: String::new() }).is_empty());
        let long = SectionInput { title: "FAQ".into(), description: "x".repeat(SECTION_DESCRIPTION_MAX + 1) };
        assert_eq!(check_section(&long).get("description"), Some(Issue::TooLong { max: SECTION_DESCRIPTION_MAX }));
    }

    #[test]
    fn a_report_keeps_its_text_and_a_long_title_is_cut() {
        let (title, body) = article_from_report(&"Й".repeat(200), "What we did.");
        assert_eq!(title.chars().count(), ARTICLE_TITLE_MAX);
        assert_eq!(body, "What we did.");
    }
}
