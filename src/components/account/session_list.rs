use leptos::prelude::*;
use veche_api::auth::SessionInfo;

use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// Where the member is signed in: each browser, when it signed in and when it was last active.
#[component]
pub fn SessionList(
    /// The member's sessions, this device's among them.
    sessions: Vec<SessionInfo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let rows = sessions
        .into_iter()
        .map(|session| {
            let browser = if session.user_agent.trim().is_empty() {
                i18n.t(Accounts::UnknownBrowser).to_owned()
            } else {
                browser_name(&session.user_agent)
            };
            view! {
                <li class="session-list__item" class:session-list__item--current=session.current>
                    <p class="session-list__browser">
                        {browser}
                        {session.current.then(|| view! { " " <span class="session-list__current">{i18n.t(Accounts::ThisDevice)}</span> })}
                    </p>
                    <p class="session-list__times">
                        {i18n.t(Accounts::SignedInOn)}": "
                        <time datetime=session.created_at.clone()>{date(&session.created_at, locale, DateStyle::DateTime, None)}</time>
                        " · "{i18n.t(Accounts::LastSeen)}": "
                        <time datetime=session.last_seen_at.clone()>{date(&session.last_seen_at, locale, DateStyle::DateTime, None)}</time>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="session-list">{rows}</ul> }
}

/// A short name for a browser from its `User-Agent`: "Firefox on Windows", "Chrome on Android".
pub fn browser_name(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("YaBrowser/", "Yandex Browser"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(browser), Some(system)) => format!("{browser} · {system}"),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => user_agent.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::browser_name;

    #[test]
    fn common_browsers_get_short_names() {
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert_eq!(browser_name(chrome), "Chrome · Linux");
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(browser_name(safari), "Safari · iOS");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36 Edg/120.0";
        assert_eq!(browser_name(edge), "Edge · Windows");
        assert_eq!(browser_name("curl/8.0"), "curl/8.0");
    }
}
