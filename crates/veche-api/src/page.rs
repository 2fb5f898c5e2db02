use serde::{Deserialize, Serialize};

/// One page of a cursor-paginated list: `?limit=&cursor=` → `{ items, next_cursor }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Opaque; pass it back as `cursor` for the next page. Absent on the last page.
    #[serde(default)]
    pub next_cursor: Option<String>,
    /// For lists that can be entered in the middle (a reply's page): the page before. Absent
    /// on the first page and for lists that only go forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev_cursor: Option<String>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page { items: Vec::new(), next_cursor: None, prev_cursor: None }
    }
}

/// Largest `limit` any list accepts.
pub const MAX_PAGE_LIMIT: u32 = 100;
/// `limit` when the client gives none.
pub const DEFAULT_PAGE_LIMIT: u32 = 20;
/// Longest search text (`q`) a list accepts.
pub const SEARCH_MAX: usize = 100;
