//! Every route in one place.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ProtectedRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::layout::Shell;
use crate::i18n::provide_i18n;
use crate::pages::account::AccountPage;
use crate::pages::auth::{RegisterPage, SignInPage};
use crate::pages::events::{EditEventPage, EventPage, EventsPage, NewEventPage};
use crate::pages::groups::GroupsArea;
use crate::pages::home::HomePage;
use crate::pages::ideas::{BallotPage, BallotsPage, IdeaPage, IdeasPage, NewIdeaPage, RoadmapPage};
use crate::pages::kpis::KpisPage;
use crate::pages::lazy::LazyPage;
use crate::pages::members::{
    EditProfilePage, FollowsPage, LeaderboardPage, MembersPage, ProfilePage, ReputationRulesPage,
};
use crate::pages::moderation::ModerationArea;
use crate::pages::not_found::NotFoundPage;
use crate::pages::notifications::NotificationsPage;
use crate::pages::surveys::SurveyAdmin;
use crate::pages::threads::{NewThreadPage, ThreadPage, ThreadsPage};
use crate::state::community::{provide_community, use_community};
use crate::state::outbox::provide_outbox;
use crate::state::session::{provide_session, use_session};
use crate::state::unread::provide_unread;
use crate::state::votes::provide_votes;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_session();
    provide_community();
    provide_outbox();
    provide_votes();
    provide_unread();
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
    // Protected pages are rebuilt whenever their condition reruns: only a change of the answer
    // may do that, not every change to the account (a new name or picture).
    let signed_in = Memo::new(move |_| session.signed_in());
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("threads") view=|| view! { <LazyPage load=|| Box::pin(threads_page()) /> } />
                    <ProtectedRoute
                        path=path!("threads/new")
                        view=|| view! { <LazyPage load=|| Box::pin(new_thread_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <Route path=path!("threads/:id") view=|| view! { <LazyPage load=|| Box::pin(thread_page()) /> } />
                    <Route path=path!("ideas") view=|| view! { <LazyPage load=|| Box::pin(ideas_page()) /> } />
                    <ProtectedRoute
                        path=path!("ideas/new")
                        view=|| view! { <LazyPage load=|| Box::pin(new_idea_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <Route path=path!("ideas/roadmap") view=|| view! { <LazyPage load=|| Box::pin(roadmap_page()) /> } />
                    <Route path=path!("ideas/ballots") view=|| view! { <LazyPage load=|| Box::pin(ballots_page()) /> } />
                    <Route path=path!("ideas/ballots/:id") view=|| view! { <LazyPage load=|| Box::pin(ballot_page()) /> } />
                    <Route path=path!("ideas/:id") view=|| view! { <LazyPage load=|| Box::pin(idea_page()) /> } />
                    <Route path=path!("events") view=|| view! { <LazyPage load=|| Box::pin(events_page()) /> } />
                    <ProtectedRoute
                        path=path!("events/new")
                        view=|| view! { <LazyPage load=|| Box::pin(new_event_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <Route path=path!("events/:id") view=|| view! { <LazyPage load=|| Box::pin(event_page()) /> } />
                    <ProtectedRoute
                        path=path!("events/:id/edit")
                        view=|| view! { <LazyPage load=|| Box::pin(edit_event_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    // The list and each group's page: one route for the area (see the surveys').
                    <Route path=path!("groups/*rest") view=|| view! { <LazyPage load=|| Box::pin(groups_area()) /> } />
                    // The index, the articles and the staff's editor: one route for the area.
                    <Route path=path!("kb/*rest") view=|| view! { <LazyPage load=|| Box::pin(kb_area()) /> } />
                    <Route path=path!("members") view=|| view! { <LazyPage load=|| Box::pin(members_page()) /> } />
                    <Route path=path!("members/leaderboard") view=|| view! { <LazyPage load=|| Box::pin(leaderboard_page()) /> } />
                    <Route path=path!("members/rules") view=|| view! { <LazyPage load=|| Box::pin(rules_page()) /> } />
                    <Route path=path!("members/:handle") view=|| view! { <LazyPage load=|| Box::pin(profile_page()) /> } />
                    <Route path=path!("members/:handle/followers") view=|| view! { <LazyPage load=|| Box::pin(follows_page()) /> } />
                    <Route path=path!("members/:handle/following") view=|| view! { <LazyPage load=|| Box::pin(follows_page()) /> } />
                    <ProtectedRoute
                        path=path!("notifications")
                        view=|| view! { <LazyPage load=|| Box::pin(notifications_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <Route path=path!("charter") view=|| view! { <LazyPage load=|| Box::pin(charter_page()) /> } />
                    <Route path=path!("search") view=|| view! { <LazyPage load=|| Box::pin(search_page()) /> } />
                    <Route path=path!("signin") view=|| view! { <LazyPage load=|| Box::pin(sign_in_page()) /> } />
                    <Route path=path!("register") view=|| view! { <LazyPage load=|| Box::pin(register_page()) /> } />
                    <ProtectedRoute
                        path=path!("account")
                        view=|| view! { <LazyPage load=|| Box::pin(account_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <ProtectedRoute
                        path=path!("account/profile")
                        view=|| view! { <LazyPage load=|| Box::pin(edit_profile_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    // The staff's survey area routes its own addresses (list, new, results, edit) in
                    // its chunk: one route here instead of four keeps the first load in budget.
                    <ProtectedRoute
                        path=path!("admin/surveys/*rest")
                        view=|| view! { <LazyPage load=|| Box::pin(survey_admin()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    <ProtectedRoute
                        path=path!("admin/kpis")
                        view=|| view! { <LazyPage load=|| Box::pin(kpis_page()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                    // The queue and the log: one route for the moderators' area (see the surveys').
                    <ProtectedRoute
                        path=path!("moderation/*rest")
                        view=|| view! { <LazyPage load=|| Box::pin(moderation_area()) /> }
                        condition=move || signed_in.get()
                        redirect_path=sign_in_redirect
                    />
                </Routes>
            </Shell>
        </Router>
    }
}

crate::lazy_page!(sign_in_page, preload_sign_in_page, SignInPage);
crate::lazy_page!(charter_page, preload_charter_page, crate::pages::charter::CharterPage);
crate::lazy_page!(search_page, preload_search_page, crate::pages::search::SearchPage);
crate::lazy_page!(register_page, preload_register_page, RegisterPage);
crate::lazy_page!(account_page, preload_account_page, AccountPage);
crate::lazy_page!(threads_page, preload_threads_page, ThreadsPage);
crate::lazy_page!(ideas_page, preload_ideas_page, IdeasPage);
crate::lazy_page!(new_idea_page, preload_new_idea_page, NewIdeaPage);
crate::lazy_page!(idea_page, preload_idea_page, IdeaPage);
crate::lazy_page!(roadmap_page, preload_roadmap_page, RoadmapPage);
crate::lazy_page!(ballots_page, preload_ballots_page, BallotsPage);
crate::lazy_page!(ballot_page, preload_ballot_page, BallotPage);
crate::lazy_page!(thread_page, preload_thread_page, ThreadPage);
crate::lazy_page!(new_thread_page, preload_new_thread_page, NewThreadPage);
crate::lazy_page!(members_page, preload_members_page, MembersPage);
crate::lazy_page!(profile_page, preload_profile_page, ProfilePage);
crate::lazy_page!(follows_page, preload_follows_page, FollowsPage);
crate::lazy_page!(leaderboard_page, preload_leaderboard_page, LeaderboardPage);
crate::lazy_page!(rules_page, preload_rules_page, ReputationRulesPage);
crate::lazy_page!(edit_profile_page, preload_edit_profile_page, EditProfilePage);
crate::lazy_page!(events_page, preload_events_page, EventsPage);
crate::lazy_page!(event_page, preload_event_page, EventPage);
crate::lazy_page!(new_event_page, preload_new_event_page, NewEventPage);
crate::lazy_page!(edit_event_page, preload_edit_event_page, EditEventPage);
crate::lazy_page!(survey_admin, preload_survey_admin, SurveyAdmin);
crate::lazy_page!(kpis_page, preload_kpis_page, KpisPage);
crate::lazy_page!(moderation_area, preload_moderation_area, ModerationArea);
crate::lazy_page!(groups_area, preload_groups_area, GroupsArea);
crate::lazy_page!(kb_area, preload_kb_area, crate::pages::kb::KbArea);
crate::lazy_page!(notifications_page, preload_notifications_page, NotificationsPage);

/// Sign-in page that brings the member back to where they were heading.
pub(crate) fn sign_in_redirect() -> String {
    let here = web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!("{}{}", location.pathname().ok()?, location.search().ok()?))
        })
        .unwrap_or_else(|| "/".to_owned());
    format!("/signin?next={}", api::url::encode(&here))
}
