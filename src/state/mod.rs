//! What the app shares between pages, through typed contexts.

pub mod community;
pub mod drafts;
pub mod outbox;
pub mod session;
pub mod storage;
pub mod unread;
pub mod votes;
