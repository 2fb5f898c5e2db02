use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::components::account::sign_in_here;
use crate::components::feedback::{Loading, StaffOnly};
use crate::state::session::use_session;

/// A staff page inside the public knowledge-base area: waits for the session, sends a guest to
/// sign in (and back here afterwards), and shows anyone else the app's "no access".
#[component]
pub fn StaffGuard(
    /// The staff's page.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let signed_in = Memo::new(move |_| session.signed_in());
    move || match signed_in.get() {
        None => EitherOf3::A(view! { <Loading /> }),
        Some(false) => EitherOf3::B(view! { <Redirect path=sign_in_here() /> }),
        Some(true) => {
            let children = children.clone();
            EitherOf3::C(view! { <StaffOnly>{children()}</StaffOnly> })
        }
    }
}
