//! Every route in one place.

use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos::tachys::prelude::IntoMaybeErased;
use leptos::tachys::view::iterators::StaticVec;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{
    Outlet, ProtectedParentRoute, ProtectedParentRouteProps, Route, RouteChildren, RouteProps, Router, Routes,
    RoutesProps,
};
use leptos_router::{MatchNestedRoutes, NestedRoute, path};

use crate::components::account::sign_in_here;
use crate::components::layout::Shell;
use crate::i18n::provide_i18n;
use crate::pages::account::AccountPage;
use crate::pages::auth::{RegisterPage, SignInPage};
use crate::pages::events::{EditEventPage, EventPage, EventsPage, NewEventPage};
use crate::pages::groups::GroupsArea;
use crate::pages::home::HomePage;
use crate::pages::ideas::{BallotPage, BallotsPage, IdeaPage, IdeasPage, NewIdeaPage, RoadmapPage};
use crate::pages::kpis::KpisPage;
use crate::pages::lazy::{Access, LazyPage, RoutePath};
use crate::pages::members::{
    EditProfilePage, FollowsPage, LeaderboardPage, MembersPage, ProfilePage, ReputationRulesPage,
};
use crate::pages::moderation::ModerationArea;
use crate::pages::not_found::NotFoundPage;
use crate::pages::notifications::NotificationsPage;
use crate::pages::surveys::SurveysArea;
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

/// The shell and every route: the home page, then the lazy routes of `LAZY_ROUTES` (those for
/// members only in one group that sends guests to sign in first), else "not found".
#[component]
fn Routed() -> impl IntoView {
    let session = use_session();
    // Protected pages are rebuilt whenever their condition reruns: only a change of the answer
    // may do that, not every change to the account (a new name or picture).
    let signed_in = Memo::new(move |_| session.signed_in());
    // The table's routes are built from data (`routes_for`), so they go in as route values
    // rather than view markup.
    let routes = (
        Route(RouteProps::builder().path(path!("")).view(HomePage).build()),
        ProtectedParentRoute(
            ProtectedParentRouteProps::builder()
                .path(path!(""))
                .view(Outlet)
                .condition(move || signed_in.get())
                .redirect_path(sign_in_here)
                .children(RouteChildren::to_children(|| routes_for(Access::SignedIn)))
                .build(),
        ),
        routes_for(Access::Anyone),
    );
    view! {
        <Router>
            <Shell>
                {Routes(RoutesProps::builder().fallback(NotFoundPage).children(RouteChildren::to_children(|| routes)).build())}
            </Shell>
        </Router>
    }
}

crate::lazy_routes! {
    /// Every page but the home page: its address, the loader of its code (`lazy_page!` below),
    /// who may open it. The router builds its routes from this table, and the build step reads
    /// it (from the compiled module) to start fetching a page's code while the app loads.
    const LAZY_ROUTES = [
        ("threads", threads_page, Anyone),
        ("threads/new", new_thread_page, SignedIn),
        ("threads/:id", thread_page, Anyone),
        ("ideas", ideas_page, Anyone),
        ("ideas/new", new_idea_page, SignedIn),
        ("ideas/roadmap", roadmap_page, Anyone),
        ("ideas/ballots", ballots_page, Anyone),
        ("ideas/ballots/:id", ballot_page, Anyone),
        ("ideas/:id", idea_page, Anyone),
        ("events", events_page, Anyone),
        ("events/new", new_event_page, SignedIn),
        ("events/:id", event_page, Anyone),
        ("events/:id/edit", edit_event_page, SignedIn),
        // Four areas are one page each that picks what to show from the address (their
        // modules' `Place`): one chunk per area. Their addresses:
        ("groups", groups_area, Anyone),
        ("groups/:slug", groups_area, Anyone),
        // The editor's guard sends guests to sign in and tells members it is for staff.
        ("kb", kb_area, Anyone),
        ("kb/new", kb_area, Anyone),
        ("kb/articles/:id", kb_area, Anyone),
        ("kb/articles/:id/edit", kb_area, Anyone),
        ("members", members_page, Anyone),
        ("members/leaderboard", leaderboard_page, Anyone),
        ("members/rules", rules_page, Anyone),
        ("members/:handle", profile_page, Anyone),
        ("members/:handle/followers", follows_page, Anyone),
        ("members/:handle/following", follows_page, Anyone),
        ("notifications", notifications_page, SignedIn),
        ("charter", charter_page, Anyone),
        ("search", search_page, Anyone),
        ("signin", sign_in_page, Anyone),
        ("register", register_page, Anyone),
        ("account", account_page, SignedIn),
        ("account/profile", edit_profile_page, SignedIn),
        ("account/security", security_page, SignedIn),
        ("account/delete", delete_account_page, SignedIn),
        // Where a member lands after deleting their account, signed out by then.
        ("account/deleted", account_deleted_page, Anyone),
        ("account/notifications", mail_preferences_page, SignedIn),
        // Opened from mails, signed in or not.
        ("unsubscribe", unsubscribe_page, Anyone),
        ("account/forgot-password", forgot_password_page, Anyone),
        ("account/reset-password", reset_password_page, Anyone),
        ("account/confirm-email", confirm_email_page, Anyone),
        ("admin/surveys", surveys_area, SignedIn),
        ("admin/surveys/new", surveys_area, SignedIn),
        ("admin/surveys/:id", surveys_area, SignedIn),
        ("admin/surveys/:id/edit", surveys_area, SignedIn),
        ("admin/kpis", kpis_page, SignedIn),
        ("admin/sign-in", sign_in_settings_page, SignedIn),
        ("admin/names", names_page, SignedIn),
        ("admin/privacy", privacy_page, SignedIn),
        ("admin/settings", settings_page, SignedIn),
        ("admin/joining", joining_page, SignedIn),
        ("moderation", moderation_area, SignedIn),
        ("moderation/log", moderation_area, SignedIn),
    ];
}

/// The routes of the table for `access`, in the table's order.
fn routes_for(access: Access) -> StaticVec<impl MatchNestedRoutes + Clone + Send + 'static> {
    LAZY_ROUTES
        .iter()
        .filter(|route| route.access == access)
        .map(|route| {
            let load = route.load;
            NestedRoute::new(RoutePath(route.path), move || view! { <LazyPage load=load /> }).into_maybe_erased()
        })
        .collect::<Vec<_>>()
        .into()
}

crate::lazy_page!(sign_in_page, SignInPage);
crate::lazy_page!(charter_page, crate::pages::charter::CharterPage);
crate::lazy_page!(search_page, crate::pages::search::SearchPage);
crate::lazy_page!(register_page, RegisterPage);
crate::lazy_page!(account_page, AccountPage);
crate::lazy_page!(security_page, crate::pages::account::SecurityPage);
crate::lazy_page!(delete_account_page, crate::pages::account::DeleteAccountPage);
crate::lazy_page!(account_deleted_page, crate::pages::account::AccountDeletedPage);
crate::lazy_page!(privacy_page, crate::pages::privacy::PrivacyPage);
crate::lazy_page!(mail_preferences_page, crate::pages::account::MailPreferencesPage);
crate::lazy_page!(unsubscribe_page, crate::pages::auth::UnsubscribePage);
crate::lazy_page!(forgot_password_page, crate::pages::auth::ForgotPasswordPage);
crate::lazy_page!(reset_password_page, crate::pages::auth::ResetPasswordPage);
crate::lazy_page!(confirm_email_page, crate::pages::auth::ConfirmEmailPage);
crate::lazy_page!(threads_page, ThreadsPage);
crate::lazy_page!(ideas_page, IdeasPage);
crate::lazy_page!(new_idea_page, NewIdeaPage);
crate::lazy_page!(idea_page, IdeaPage);
crate::lazy_page!(roadmap_page, RoadmapPage);
crate::lazy_page!(ballots_page, BallotsPage);
crate::lazy_page!(ballot_page, BallotPage);
crate::lazy_page!(thread_page, ThreadPage);
crate::lazy_page!(new_thread_page, NewThreadPage);
crate::lazy_page!(members_page, MembersPage);
crate::lazy_page!(profile_page, ProfilePage);
crate::lazy_page!(follows_page, FollowsPage);
crate::lazy_page!(leaderboard_page, LeaderboardPage);
crate::lazy_page!(rules_page, ReputationRulesPage);
crate::lazy_page!(edit_profile_page, EditProfilePage);
crate::lazy_page!(events_page, EventsPage);
crate::lazy_page!(event_page, EventPage);
crate::lazy_page!(new_event_page, NewEventPage);
crate::lazy_page!(edit_event_page, EditEventPage);
crate::lazy_page!(surveys_area, SurveysArea);
crate::lazy_page!(kpis_page, KpisPage);
crate::lazy_page!(sign_in_settings_page, crate::pages::sign_in_settings::SignInSettingsPage);
crate::lazy_page!(names_page, crate::pages::names::NamesPage);
crate::lazy_page!(settings_page, crate::pages::settings::SettingsPage);
crate::lazy_page!(joining_page, crate::pages::settings::JoiningPage);
crate::lazy_page!(moderation_area, ModerationArea);
crate::lazy_page!(groups_area, GroupsArea);
crate::lazy_page!(kb_area, crate::pages::kb::KbArea);
crate::lazy_page!(notifications_page, NotificationsPage);
