//! Links to sign in (or to register) that bring the member back to where they were heading.

use crate::api::url::encode;

/// `/signin?next=<next>`: the sign-in page, then back to `next` (a path of this app).
pub fn sign_in_href(next: &str) -> String {
    with_next("/signin", next)
}

/// `/register?next=<next>`: registering, then on to `next`.
pub fn register_href(next: &str) -> String {
    with_next("/register", next)
}

/// The sign-in page, then back to the address open now (path and query).
pub fn sign_in_here() -> String {
    let here = web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!("{}{}", location.pathname().ok()?, location.search().ok()?))
        })
        .unwrap_or_else(|| "/".to_owned());
    sign_in_href(&here)
}

fn with_next(page: &str, next: &str) -> String {
    format!("{page}?next={}", encode(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_survives_its_own_query() {
        assert_eq!(sign_in_href("/events/7"), "/signin?next=%2Fevents%2F7");
        assert_eq!(sign_in_href("/threads?sort=new&page=2"), "/signin?next=%2Fthreads%3Fsort%3Dnew%26page%3D2");
        assert_eq!(register_href("/groups/partners"), "/register?next=%2Fgroups%2Fpartners");
    }
}
