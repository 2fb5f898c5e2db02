//! `/search`: search across threads, ideas, events and members.

mod highlighted;
mod search_page;

pub use search_page::SearchPage;
