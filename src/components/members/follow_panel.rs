use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::members;
use crate::api::url::encode;
use crate::components::account::sign_in_href;
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

/// Followers and following counts (links to the lists) and, for other signed-in members, the
/// follow button: the count changes at once and goes back, with a message, if the server
/// refuses.
#[component]
pub fn FollowPanel(
    /// Whose profile.
    handle: String,
    /// Members following them.
    followers: i64,
    /// Members they follow.
    following: i64,
    /// Whether the viewer follows them.
    followed: bool,
    /// The viewer may follow them (signed in, someone else).
    can_follow: bool,
    /// The viewer is a guest: offered to sign in instead.
    guest: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let count = RwSignal::new(followers);
    let followed = RwSignal::new(followed);
    let refused = RwSignal::new(false);
    let base = format!("/members/{}", encode(&handle));
    // Sends the follow shown already; a refusal puts back what was there before.
    let send = Action::new_local({
        let handle = handle.clone();
        move |&(follow, before_count, before_followed): &(bool, i64, bool)| {
            let handle = handle.clone();
            async move {
                match members::follow(&handle, follow).await {
                    Ok(state) => {
                        followed.set(state.following);
                        count.set(state.followers);
                    }
                    Err(_) => {
                        followed.set(before_followed);
                        count.set(before_count);
                        refused.set(true);
                    }
                }
            }
        }
    });
    let toggle = move |_| {
        if send.pending().get_untracked() {
            return;
        }
        let (before_count, before_followed) = (count.get_untracked(), followed.get_untracked());
        let follow = !before_followed;
        followed.set(follow);
        count.set(before_count + if follow { 1 } else { -1 });
        refused.set(false);
        send.dispatch((follow, before_count, before_followed));
    };
    let sign_in = sign_in_href(&base);
    view! {
        <div class="follow-panel">
            <p class="follow-panel__counts">
                <A href=format!("{base}/followers")>{move || texts::followers(locale, count.get())}</A>
                <A href=format!("{base}/following")>{texts::following(locale, following)}</A>
            </p>
            {can_follow.then(|| view! {
                <button
                    type="button"
                    class="button button--small"
                    class:button--secondary=move || followed.get()
                    on:click=toggle
                >
                    {move || i18n.t(if followed.get() { Members::Unfollow } else { Members::Follow })}
                </button>
            })}
            {guest.then(|| view! {
                <A href=sign_in attr:class="button button--secondary button--small">{i18n.t(Members::SignInToFollow)}</A>
            })}
            <p class="follow-panel__message" role="status">
                {move || refused.get().then(|| i18n.t(Members::FollowRefused))}
            </p>
        </div>
    }
}
