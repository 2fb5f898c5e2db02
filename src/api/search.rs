use veche_api::Page;
use veche_api::search::{SearchKind, SearchResult};

use super::client::{self, ApiResult, Method, Options};
use super::url::query;

/// Results asked for at once.
pub const LIMIT: u32 = 50;

/// The API path of a search (every kind: none).
pub fn search_path(text: &str, kind: Option<SearchKind>) -> String {
    let limit = LIMIT.to_string();
    format!("/search{}", query(&[("q", text), ("type", kind.map_or("", SearchKind::as_str)), ("limit", &limit)]))
}

pub async fn search(text: String, kind: Option<SearchKind>) -> ApiResult<Page<SearchResult>> {
    client::request::<_, ()>(Method::Get, &search_path(&text, kind), None, Options::default()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_names_the_text_and_the_kind() {
        assert_eq!(search_path("мир", None), "/search?q=%D0%BC%D0%B8%D1%80&limit=50");
        assert_eq!(search_path("a b", Some(SearchKind::Idea)), "/search?q=a%20b&type=idea&limit=50");
    }
}
