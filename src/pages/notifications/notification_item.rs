use leptos::prelude::*;
use veche_api::notifications::Notification;

use crate::api;
use crate::i18n::format::intl_date;
use crate::i18n::messages::notifications::{Notifications, excerpt_text, kind_text};
use crate::i18n::use_i18n;
use crate::state::unread::use_unread;

/// One notification: what happened, on what (a link to it that marks it read), who did it, a
/// short excerpt and the time. Unread ones say so in words, not only by their look.
#[component]
pub fn NotificationItem(
    /// The notification to show.
    notification: Notification,
) -> impl IntoView {
    let i18n = use_i18n();
    let unread = use_unread();
    let locale = i18n.locale();
    let is_unread = notification.read_at.is_none();
    let id = notification.id.clone();
    // Not tied to this page: following the link leaves it, and the mark must still be made.
    let mark_read = move |_| {
        if is_unread {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                if api::notifications::mark_read(&id).await.is_ok() {
                    unread.reload();
                }
            });
        }
    };
    let time = intl_date(&notification.created_at, locale, &[("timeStyle", "short")], None);
    let excerpt = match excerpt_text(notification.kind, &notification.excerpt) {
        Some(text) => i18n.t(text).to_owned(),
        None => notification.excerpt,
    };
    view! {
        <li class="notification" class:notification--unread=is_unread>
            {is_unread.then(|| view! { <span class="notification__unread">{i18n.t(Notifications::Unread)}</span> })}
            <a class="notification__link" href=notification.link on:click=mark_read>
                <span class="notification__what">{i18n.t(kind_text(notification.kind))}</span>
                <span class="notification__title">{notification.title}</span>
            </a>
            {(!excerpt.is_empty()).then(|| view! { <p class="notification__excerpt">{excerpt}</p> })}
            <p class="notification__meta">
                {notification.actor_name.map(|name| view! { <span>{i18n.t(Notifications::From)}" "{name}" · "</span> })}
                <time datetime=notification.created_at>{time}</time>
            </p>
        </li>
    }
}
