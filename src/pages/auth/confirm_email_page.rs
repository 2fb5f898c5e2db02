use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use veche_api::ProblemCode;

use crate::api::{self, ApiError};
use crate::components::account::LinkProblem;
use crate::components::feedback::{ErrorView, Loading};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/account/confirm-email?token=…`: the page a confirmation mail links to. It confirms the
/// address as it opens (signed in or not); an expired, used or broken link says what to do next.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let confirm = Action::new_local(|token: &String| {
        let token = token.clone();
        async move {
            if token.is_empty() {
                return Err(ApiError::LinkUnusable(ProblemCode::LinkInvalid));
            }
            api::auth::confirm_email(&token).await
        }
    });
    let token = move || query.get_untracked().get("token").unwrap_or_default();
    confirm.dispatch(token());
    Effect::new(move |_| {
        // A signed-in member's account shows the confirmed address at once.
        if matches!(confirm.value().get(), Some(Ok(_))) && session.account().is_some() {
            session.refresh();
        }
    });
    let retry = Callback::new(move |_| {
        confirm.dispatch(token());
    });
    view! {
        <Title text=i18n.t(Accounts::ConfirmTitle) />
        <section class="auth-page">
            <h1>{i18n.t(Accounts::ConfirmTitle)}</h1>
            {move || match confirm.value().get() {
                None => view! { <Loading /> }.into_any(),
                Some(Ok(confirmed)) => view! {
                    <p role="status" class="auth-page__done">
                        <strong>{confirmed.email}</strong>" "{i18n.t(Accounts::ConfirmedText)}
                    </p>
                    <p><A href="/account" attr:class="button">{i18n.t(Accounts::ToAccount)}</A></p>
                }.into_any(),
                Some(Err(ApiError::LinkUnusable(code))) => view! {
                    <LinkProblem code=code next_step=Accounts::ConfirmNextStep href="/account" action=Accounts::ToAccount />
                }.into_any(),
                Some(Err(error)) => view! { <ErrorView error=error on_retry=retry /> }.into_any(),
            }}
        </section>
    }
}
