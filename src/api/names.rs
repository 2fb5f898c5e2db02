use veche_api::names::WordsChange;

use super::client::{self, ApiResult, Method, Options};
use super::url::encode;

/// What staff name in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Space,
    IdeaCategory,
}

/// Sets both languages' words of a space or an idea category (staff).
pub async fn set_words(
    named: Named,
    slug: &str,
    words: &WordsChange,
    idempotency_key: String,
) -> ApiResult<WordsChange> {
    let collection = match named {
        Named::Space => "spaces",
        Named::IdeaCategory => "idea-categories",
    };
    let options = Options { idempotency_key: Some(idempotency_key) };
    client::request(Method::Put, &format!("/{collection}/{}/words", encode(slug)), Some(words), options).await
}
