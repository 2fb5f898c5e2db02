//! `/search`: search across threads, ideas, events, members and knowledge-base articles.

mod highlighted;
mod search_page;

pub use search_page::SearchPage;
