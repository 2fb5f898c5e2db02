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
pub mod names;
pub mod notifications;
pub mod privacy;
pub mod search;
pub mod surveys;
pub mod threads;
pub mod url;

pub use client::{ApiError, ApiResult};

/// Most requests one load of a list makes by itself: one per step of `DEFAULT_PAGE_LIMIT` items
/// shown, and one more. A server that honours `limit` needs far fewer; one that sends short pages
/// (or a `next_cursor` forever) costs a bounded number of requests, and each "load more" (which
/// shows one step more) may make one request more, so it always shows more while there is more.
pub fn page_budget(shown: u32) -> u32 {
    shown.div_ceil(veche_api::page::DEFAULT_PAGE_LIMIT) + 1
}

/// Loads the first `shown` items of a list, following its cursors, so a reloaded "load more"
/// comes back as it was. Stops at the end of the list, at `page_budget`, at an empty page or
/// at a cursor that leads back to the same page: what it has is shown, with "load more" when
/// the server says there is more.
pub async fn first_items<T, F, Fut>(shown: u32, mut fetch: F) -> ApiResult<veche_api::Page<T>>
where
    F: FnMut(Option<String>, u32) -> Fut,
    Fut: std::future::Future<Output = ApiResult<veche_api::Page<T>>>,
{
    let mut all = veche_api::Page::default();
    let mut cursor: Option<String> = None;
    for _ in 0..page_budget(shown) {
        let wanted = shown.saturating_sub(all.items.len() as u32).clamp(1, veche_api::page::MAX_PAGE_LIMIT);
        let page = fetch(cursor.clone(), wanted).await?;
        let progressed = !page.items.is_empty() && page.next_cursor != cursor;
        all.items.extend(page.items);
        all.next_cursor = page.next_cursor;
        match &all.next_cursor {
            Some(next) if progressed && (all.items.len() as u32) < shown => cursor = Some(next.clone()),
            _ => break,
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::{Future, ready};
    use std::task::{Context, Poll, Waker};

    use super::*;

    /// Runs a future whose awaits are all ready (the fake server below answers at once).
    fn run<T>(future: impl Future<Output = T>) -> T {
        match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the fake server answers at once"),
        }
    }

    /// Loads `shown` items from a server that answers each request with `page(request number,
    /// limit)`, and counts the requests.
    fn load(shown: u32, page: impl Fn(usize, u32) -> veche_api::Page<u32>) -> (veche_api::Page<u32>, usize) {
        let requests = RefCell::new(0);
        let all = run(first_items(shown, |_cursor, limit| {
            *requests.borrow_mut() += 1;
            ready(Ok(page(*requests.borrow(), limit)))
        }))
        .expect("pages");
        (all, requests.into_inner())
    }

    fn page(items: u32, next: Option<String>) -> veche_api::Page<u32> {
        veche_api::Page { items: (0..items).collect(), next_cursor: next, prev_cursor: None }
    }

    #[test]
    fn a_server_that_honours_the_limit_is_asked_once_per_hundred() {
        let (all, requests) = load(20, |n, limit| page(limit, Some(format!("c{n}"))));
        assert_eq!((all.items.len(), requests), (20, 1));
        assert!(all.next_cursor.is_some(), "load more stays offered");
        let (all, requests) = load(250, |n, limit| page(limit, Some(format!("c{n}"))));
        assert_eq!((all.items.len(), requests), (250, 3));
    }

    #[test]
    fn short_pages_and_endless_cursors_cost_a_bounded_number_of_requests() {
        // One item a page, a next cursor forever: 20 shown is at most two requests.
        let (all, requests) = load(20, |n, _| page(1, Some(format!("c{n}"))));
        assert_eq!((all.items.len(), requests), (2, 2));
        assert!(all.next_cursor.is_some());
        // Each "load more" (20 more) makes one request more: the list still grows.
        let (all, requests) = load(40, |n, _| page(1, Some(format!("c{n}"))));
        assert_eq!((all.items.len(), requests), (3, 3));
    }

    #[test]
    fn an_empty_page_or_the_same_cursor_again_ends_the_load() {
        let (all, requests) = load(100, |_, _| page(0, Some("again".to_owned())));
        assert_eq!((all.items.len(), requests), (0, 1));
        let (all, requests) = load(100, |_, _| page(5, Some("same".to_owned())));
        assert_eq!((all.items.len(), requests), (10, 2), "the second page named the cursor that fetched it");
        let (all, requests) = load(100, |_, _| page(5, None));
        assert_eq!((all.items.len(), requests), (5, 1));
    }
}
