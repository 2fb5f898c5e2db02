//! The knowledge base: sections and articles (staff write them), and the articles a thread links.
//! Every change carries the Idempotency-Key its caller keeps for retries of the same action.

use veche_api::kb::{Article, ArticleInput, KnowledgeBase, Link, Section, SectionInput, SectionPlace, ThreadArticles};

use super::client::{self, ApiResult, Method, Options};
use super::url::encode;

fn with_key(idempotency_key: String) -> Options {
    Options { idempotency_key: Some(idempotency_key) }
}

fn section_path(id: &str) -> String {
    format!("/kb/sections/{}", encode(id))
}

fn article_path(id: &str) -> String {
    format!("/kb/articles/{}", encode(id))
}

/// Every section with the articles the reader may read.
pub async fn index() -> ApiResult<KnowledgeBase> {
    client::request::<_, ()>(Method::Get, "/kb", None, Options::default()).await
}

pub async fn article(id: &str) -> ApiResult<Article> {
    client::request::<_, ()>(Method::Get, &article_path(id), None, Options::default()).await
}

pub async fn create_section(input: &SectionInput, idempotency_key: String) -> ApiResult<Section> {
    client::request(Method::Post, "/kb/sections", Some(input), with_key(idempotency_key)).await
}

pub async fn update_section(id: &str, input: &SectionInput, idempotency_key: String) -> ApiResult<Section> {
    client::request(Method::Put, &section_path(id), Some(input), with_key(idempotency_key)).await
}

/// Moves section `id` to `place`; answers the knowledge base in its new order.
pub async fn place_section(id: &str, place: &SectionPlace, idempotency_key: String) -> ApiResult<KnowledgeBase> {
    let path = format!("{}/place", section_path(id));
    client::request(Method::Put, &path, Some(place), with_key(idempotency_key)).await
}

/// Refused with a conflict while the section still has articles.
pub async fn delete_section(id: &str, idempotency_key: String) -> ApiResult<()> {
    client::request::<_, ()>(Method::Delete, &section_path(id), None, with_key(idempotency_key)).await
}

pub async fn create_article(input: &ArticleInput, idempotency_key: String) -> ApiResult<Article> {
    client::request(Method::Post, "/kb/articles", Some(input), with_key(idempotency_key)).await
}

/// Refused with a conflict when someone saved a newer version than `input.version`.
pub async fn update_article(id: &str, input: &ArticleInput, idempotency_key: String) -> ApiResult<Article> {
    client::request(Method::Put, &article_path(id), Some(input), with_key(idempotency_key)).await
}

pub async fn delete_article(id: &str, idempotency_key: String) -> ApiResult<()> {
    client::request::<_, ()>(Method::Delete, &article_path(id), None, with_key(idempotency_key)).await
}

/// Sets the articles thread `thread` links to; answers them as the thread now shows them.
pub async fn link_from_thread(thread: &str, article_ids: Vec<String>, idempotency_key: String) -> ApiResult<Vec<Link>> {
    let path = format!("/threads/{}/articles", encode(thread));
    client::request(Method::Put, &path, Some(&ThreadArticles { article_ids }), with_key(idempotency_key)).await
}
