use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use crate::api::ApiError;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// Shows its content to staff (and moderators, if asked); anyone else gets the app's "no access" message. (Guests never
/// get here: the route sends them to sign in.) The server refuses them anyway.
#[component]
pub fn StaffOnly(
    /// The staff's page.
    children: ChildrenFn,
    /// Moderators may see it too.
    #[prop(optional)]
    moderators: bool,
) -> impl IntoView {
    let session = use_session();
    let staff = Memo::new(move |_| {
        session.account().is_some_and(|a| {
            let access = a.member.access;
            access.is_staff() || (moderators && access.can_moderate())
        })
    });
    let forbidden = ApiError::Forbidden { code: veche_api::ProblemCode::Unknown, detail: None };
    move || {
        if staff.get() {
            leptos::either::Either::Left(children())
        } else {
            leptos::either::Either::Right(view! {
                <Title text=use_i18n().t(Common::ErrorForbidden) />
                <ErrorView error=forbidden.clone() />
            })
        }
    }
}
