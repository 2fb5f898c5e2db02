use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::api::url::encode;
use crate::components::feedback::{Loading, StaffOnly};
use crate::state::session::use_session;

/// A staff page inside the public knowledge-base area: waits for the session, sends a guest to
/// sign in (and back here afterwards), and shows anyone else the app's "no access".
#[component]
pub fn StaffPage(
    /// The staff's page.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let signed_in = Memo::new(move |_| session.signed_in());
    move || match signed_in.get() {
        None => EitherOf3::A(view! { <Loading /> }),
        Some(false) => {
            let (path, search) = (location.pathname.get_untracked(), location.search.get_untracked());
            // The router's search comes without its `?`.
            let search = search.trim_start_matches('?');
            let here = if search.is_empty() { path } else { format!("{path}?{search}") };
            EitherOf3::B(view! { <Redirect path=format!("/signin?next={}", encode(&here)) /> })
        }
        Some(true) => {
            let children = children.clone();
            EitherOf3::C(view! { <StaffOnly>{children()}</StaffOnly> })
        }
    }
}
