//! Every route in one place.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ProtectedRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::layout::Shell;
use crate::i18n::messages::common::Common;
use crate::i18n::provide_i18n;
use crate::pages::account::AccountPage;
use crate::pages::auth::{RegisterPage, SignInPage};
use crate::pages::home::HomePage;
use crate::pages::lazy::LazyPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::placeholder::ComingSoonPage;
use crate::pages::threads::{NewThreadPage, ThreadPage, ThreadsPage};
use crate::state::community::{provide_community, use_community};
use crate::state::outbox::provide_outbox;
use crate::state::session::{provide_session, use_session};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_session();
    provide_community();
    provide_outbox();
    let community = use_community();
    let site_name = move || community.get().map(|c| c.name).unwrap_or_else(|| "Veche".to_owned());

    view! {
        <Title formatter=move |page: String| format!("{page} · {}", site_name()) />
        // Rebuilt when the language changes (texts are not tracked one by one; see i18n), and
        // only then: whatever the pages read while being built must not rebuild everything.
        {move || {
            i18n.locale_tracked();
            untrack(|| view! { <Routed /> })
        }}
    }
}

/// The shell and every route.
#[component]
fn Routed() -> impl IntoView {
    let session = use_session();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("threads") view=|| view! { <LazyPage load=|| Box::pin(threads_page()) /> } />
                    <ProtectedRoute
                        path=path!("threads/new")
                        view=|| view! { <LazyPage load=|| Box::pin(new_thread_page()) /> }
                        condition=move || session.signed_in()
                        redirect_path=sign_in_redirect
                    />
                    <Route path=path!("threads/:id") view=|| view! { <LazyPage load=|| Box::pin(thread_page()) /> } />
                    <Route path=path!("ideas") view=|| view! { <ComingSoonPage title=Common::NavIdeas /> } />
                    <Route path=path!("events") view=|| view! { <ComingSoonPage title=Common::NavEvents /> } />
                    <Route path=path!("members") view=|| view! { <ComingSoonPage title=Common::NavMembers /> } />
                    <Route path=path!("charter") view=|| view! { <ComingSoonPage title=Common::CharterTitle /> } />
                    <Route path=path!("signin") view=|| view! { <LazyPage load=|| Box::pin(sign_in_page()) /> } />
                    <Route path=path!("register") view=|| view! { <LazyPage load=|| Box::pin(register_page()) /> } />
                    <ProtectedRoute
                        path=path!("account")
                        view=|| view! { <LazyPage load=|| Box::pin(account_page()) /> }
                        condition=move || session.signed_in()
                        redirect_path=sign_in_redirect
                    />
                </Routes>
            </Shell>
        </Router>
    }
}

crate::lazy_page!(sign_in_page, preload_sign_in_page, SignInPage);
crate::lazy_page!(register_page, preload_register_page, RegisterPage);
crate::lazy_page!(account_page, preload_account_page, AccountPage);
crate::lazy_page!(threads_page, preload_threads_page, ThreadsPage);
crate::lazy_page!(thread_page, preload_thread_page, ThreadPage);
crate::lazy_page!(new_thread_page, preload_new_thread_page, NewThreadPage);

/// Sign-in page that brings the member back to where they were heading.
fn sign_in_redirect() -> String {
    let here = web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!("{}{}", location.pathname().ok()?, location.search().ok()?))
        })
        .unwrap_or_else(|| "/".to_owned());
    format!("/signin?next={}", api::url::encode(&here))
}
