//! `/charter`: the community rules and roles; staff edit them in place.

mod charter_editor;
mod charter_page;

pub use charter_page::CharterPage;
