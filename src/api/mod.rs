//! Talking to any backend that implements `api/openapi.yaml`: `client` holds the one request
//! function, each other module covers one resource of the contract.

pub mod auth;
pub mod charter;
pub mod client;
pub mod community;
pub mod events;
pub mod groups;
pub mod ideas;
pub mod kb;
pub mod kpis;
pub mod members;
pub mod moderation;
pub mod notifications;
pub mod search;
pub mod surveys;
pub mod threads;
pub mod url;

pub use client::{ApiError, ApiResult};

/// Loads the first `shown` items of a list, following its cursors, so a reloaded "load more"
/// comes back as it was.
pub async fn first_items<T, F, Fut>(shown: u32, mut fetch: F) -> ApiResult<veche_api::Page<T>>
where
    F: FnMut(Option<String>, u32) -> Fut,
    Fut: std::future::Future<Output = ApiResult<veche_api::Page<T>>>,
{
    let mut all = veche_api::Page::default();
    let mut cursor = None;
    loop {
        let wanted = shown.saturating_sub(all.items.len() as u32).clamp(1, veche_api::page::MAX_PAGE_LIMIT);
        let page = fetch(cursor, wanted).await?;
        all.items.extend(page.items);
        all.next_cursor = page.next_cursor;
        match &all.next_cursor {
            Some(next) if (all.items.len() as u32) < shown => cursor = Some(next.clone()),
            _ => return Ok(all),
        }
    }
}
