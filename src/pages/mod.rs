//! One module per route; a page owns its data loading.

pub mod account;
pub mod auth;
pub mod charter;
pub mod events;
pub mod groups;
pub mod home;
pub mod ideas;
pub mod kb;
pub mod kpis;
pub mod lazy;
pub mod members;
pub mod moderation;
pub mod names;
pub mod not_found;
pub mod notifications;
pub mod privacy;
pub mod search;
pub mod settings;
pub mod sign_in_settings;
pub mod surveys;
pub mod threads;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The address below an area's prefix (`/kb/articles/1` → `/articles/1`) for an area that
/// shows one of its pages by it (the router matches each address, see `app.rs`). It keeps its
/// last value while the router leaves the area, so the area does not show another page first.
pub fn area_rest(prefix: &'static str) -> Memo<String> {
    let location = use_location();
    Memo::new(move |last: Option<&String>| {
        location
            .pathname
            .with(|path| path.strip_prefix(prefix).map(str::to_owned))
            .or_else(|| last.cloned())
            .unwrap_or_default()
    })
}

/// A `next=` target is only followed when it is a path on this site.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\')).unwrap_or_else(|| "/".to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_targets_stay_on_this_site() {
        assert_eq!(safe_next(Some("/account".into())), "/account");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
