use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::messages::notifications::bell_label;
use crate::i18n::use_i18n;
use crate::state::unread::use_unread;

/// The bell in the header: a link to the notifications page whose name says how many are
/// unread; the count shows on it too (above 99 as "99+").
#[component]
pub fn NotificationBell() -> impl IntoView {
    let locale = use_i18n().locale();
    let unread = use_unread();
    view! {
        <A href="/notifications" attr:class="notification-bell" attr:aria-label=move || bell_label(locale, unread.count())>
            <svg class="notification-bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0" />
            </svg>
            {move || {
                let count = unread.count();
                (count > 0).then(|| view! {
                    <span class="notification-bell__count" aria-hidden="true">
                        {if count > 99 { "99+".to_owned() } else { count.to_string() }}
                    </span>
                })
            }}
        </A>
    }
}
