use leptos::prelude::*;

use crate::api::threads::{self, KudosTarget};
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;

/// Kudos for a post: the count changes at once, and goes back (with a message) if the server
/// refuses.
#[component]
pub fn KudosButton(
    /// Opening post (thread id) or reply.
    target: KudosTarget,
    /// The post's id.
    id: String,
    /// Count when shown.
    count: i64,
    /// Whether the viewer has given kudos.
    given: bool,
    /// The viewer may give kudos (signed in, not their own post).
    enabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = RwSignal::new(count);
    let given = RwSignal::new(given);
    let refused = RwSignal::new(false);
    // Sends the kudos shown already; a refusal puts back what was there before.
    let send = Action::new_local(move |&(give, before_count, before_given): &(bool, i64, bool)| {
        let id = id.clone();
        async move {
            match threads::kudos(target, &id, give).await {
                Ok(state) => {
                    count.set(state.kudos_count);
                    given.set(state.kudos_given);
                }
                Err(_) => {
                    count.set(before_count);
                    given.set(before_given);
                    refused.set(true);
                }
            }
        }
    });
    let toggle = move |_| {
        if send.pending().get_untracked() {
            return;
        }
        let give = !given.get_untracked();
        let (before_count, before_given) = (count.get_untracked(), given.get_untracked());
        given.set(give);
        count.update(|c| *c += if give { 1 } else { -1 });
        refused.set(false);
        send.dispatch((give, before_count, before_given));
    };
    let label = move || if given.get() { i18n.t(Threads::TakeKudos) } else { i18n.t(Threads::GiveKudos) };
    view! {
        <span class="kudos">
            {if enabled {
                leptos::either::Either::Left(view! {
                    <button
                        type="button"
                        class="kudos__button"
                        class:kudos__button--given=move || given.get()
                        aria-pressed=move || if given.get() { "true" } else { "false" }
                        title=label
                        on:click=toggle
                    >
                        // The name comes from the content, so the count people see is part of it.
                        <span aria-hidden="true">"♥"</span>
                        <span class="visually-hidden">{label}": "</span>
                        <span class="kudos__count">{move || count.get()}</span>
                    </button>
                })
            } else {
                leptos::either::Either::Right(view! {
                    <span class="kudos__static" title=i18n.t(Threads::KudosLabel)>
                        <span aria-hidden="true">"♥ "</span>
                        <span class="visually-hidden">{i18n.t(Threads::KudosLabel)}": "</span>
                        <span class="kudos__count">{move || count.get()}</span>
                    </span>
                })
            }}
            <span class="kudos__message" role="status">
                {move || refused.get().then(|| i18n.t(Threads::KudosRefused))}
            </span>
        </span>
    }
}
