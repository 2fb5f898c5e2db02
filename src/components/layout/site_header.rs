use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use veche_api::community::Features;

use super::{AccountMenu, LanguageSwitch, NotificationBell};
use crate::api;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::threads;
use crate::i18n::use_i18n;
use crate::state::community::use_community;
use crate::state::outbox::use_outbox;
use crate::state::session::use_session;

/// The header's sections, in order; the last two are the staff's and the moderators'.
const NAV: [(&str, Common); 12] = [
    ("/", Common::NavHome),
    ("/threads", Common::NavThreads),
    ("/ideas", Common::NavIdeas),
    ("/events", Common::NavEvents),
    ("/members", Common::NavMembers),
    ("/groups", Common::NavGroups),
    ("/kb", Common::NavKb),
    ("/search", Common::NavSearch),
    (STAFF_SURVEYS, Common::NavSurveys),
    (STAFF_KPIS, Common::NavKpis),
    (STAFF_SETTINGS, Common::NavSettings),
    (MODERATION, Common::NavModeration),
];
const STAFF_SURVEYS: &str = "/admin/surveys";
const STAFF_KPIS: &str = "/admin/kpis";
const STAFF_SETTINGS: &str = "/admin/settings";
/// The sections only staff see.
const STAFF_ONLY: [&str; 3] = [STAFF_SURVEYS, STAFF_KPIS, STAFF_SETTINGS];
const MODERATION: &str = "/moderation";

/// Whether the backend offers a section (all are shown until the community has loaded).
fn offered(features: Option<&Features>, href: &str) -> bool {
    let Some(features) = features else { return true };
    match href {
        "/threads" => features.threads,
        "/ideas" => features.ideas,
        "/events" => features.events,
        "/members" => features.members,
        "/groups" => features.groups,
        STAFF_SURVEYS => features.surveys,
        _ => true,
    }
}

/// Community name, the main sections, language and the account menu. On narrow screens the
/// sections fold behind a "Menu" button.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let community = use_community();
    let outbox = use_outbox();
    // Rebuilt after a change of language made in the menu: the menu stays open around it.
    let menu_open = RwSignal::new(i18n.refocus_pending());
    let location = use_location();
    Effect::new(move |previous: Option<()>| {
        location.pathname.track();
        if previous.is_some() {
            menu_open.set(false);
        }
    });
    let name = move || community.get().map(|c| c.name).unwrap_or_else(|| "Veche".to_owned());
    // Decorative: the name beside it says who this is.
    let logo = move || {
        community.get().and_then(|c| c.logo_url).map(|url| {
            view! { <img class="site-header__logo" src=api::client::media_url(&url) alt="" width="40" height="40" /> }
        })
    };

    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <A href="/" attr:class="site-header__brand">{logo}<span class="site-header__name">{name}</span></A>
                {move || (session.signed_in() == Some(true)).then(|| view! { <NotificationBell /> })}
                <button
                    type="button"
                    class="site-header__menu-button button button--ghost"
                    aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                    aria-controls="site-nav"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    {i18n.t(Common::Menu)}
                </button>
            </div>
            <nav
                id="site-nav"
                class="site-header__nav"
                class:site-header__nav--open=move || menu_open.get()
                aria-label=i18n.t(Common::MainNavigation)
            >
                <ul class="site-header__links">
                    {move || {
                        let features = community.get().map(|c| c.features);
                        let access = session.account().map(|a| a.member.access);
                        let staff = access.is_some_and(|a| a.is_staff());
                        let moderator = access.is_some_and(|a| a.can_moderate());
                        NAV.iter().filter(|(href, _)| offered(features.as_ref(), href) && (staff || !STAFF_ONLY.contains(href)) && (moderator || *href != MODERATION)).map(|&(href, text)| view! {
                            <li><A href=href attr:class="site-header__link">{i18n.t(text)}</A></li>
                        }).collect_view()
                    }}
                </ul>
                <div class="site-header__tools">
                    {move || (outbox.waiting() > 0).then(|| view! {
                        <span class="outbox-status" class:outbox-status--offline=move || outbox.offline() role="status">
                            {threads::outbox_waiting(i18n.locale(), outbox.waiting())}
                        </span>
                    })}
                    <LanguageSwitch id="language-header" />
                    {move || match session.account() {
                        Some(account) => Either::Left(view! { <AccountMenu account=account /> }),
                        None => Either::Right(view! {
                            <A href="/signin" attr:class="button button--ghost">{i18n.t(Common::SignIn)}</A>
                            <A href="/register" attr:class="button">{i18n.t(Common::Join)}</A>
                        }),
                    }}
                </div>
            </nav>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_the_backend_does_not_offer_are_left_out() {
        let only_threads = Features { threads: true, ..Features::default() };
        assert!(offered(Some(&only_threads), "/threads"));
        assert!(!offered(Some(&only_threads), "/ideas"));
        assert!(!offered(Some(&only_threads), "/events"));
        assert!(offered(Some(&only_threads), "/"));
        assert!(offered(None, "/events"), "shown while the community loads");
    }
}
