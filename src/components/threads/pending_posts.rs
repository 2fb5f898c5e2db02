use leptos::prelude::*;
use veche_api::ProblemCode;
use veche_api::threads::NewReply;

use crate::api::ApiError;
use crate::components::feedback::error_message;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::outbox::use_outbox;

/// Writes of one topic that the server has not accepted yet, with where they stand: sending,
/// waiting for the network, or refused (then the member takes the text back or drops it).
#[component]
pub fn PendingPosts(
    /// The outbox topic, e.g. `thread:12`.
    topic: String,
    /// Takes a refused write's text back into the editor.
    on_edit: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let items = move || outbox.pending(&topic);
    view! {
        <ul class="pending-posts" aria-live="polite">
            <For each=items key=|p| (p.key.clone(), p.refused.is_some()) let:pending>
                {
                    let text = serde_json::from_str::<NewReply>(&pending.body).map(|r| r.body).unwrap_or_default();
                    let error = pending.error();
                    let key = pending.key.clone();
                    let refused = error.is_some();
                    // Sent again as it was (same key), for an answer that never came.
                    let can_retry = matches!(error, Some(ApiError::Conflict { code: ProblemCode::IdempotencyInProgress, .. }));
                    let status = move || match (&error, outbox.offline()) {
                        (Some(error), _) => format!("{} {}", i18n.t(Threads::NotSent), error_message(i18n, error)),
                        (None, true) => i18n.t(Threads::WaitingForConnection).to_owned(),
                        (None, false) => i18n.t(Threads::Sending).to_owned(),
                    };
                    let edit_text = text.clone();
                    let (edit_key, discard_key, retry_key) = (key.clone(), key.clone(), key.clone());
                    view! {
                        <li class="pending-post" class:pending-post--refused=refused>
                            <p class="pending-post__status">{status}</p>
                            <p class="pending-post__text">{text}</p>
                            {refused.then(|| view! {
                                <div class="form__actions">
                                    {can_retry.then(|| view! {
                                        <button type="button" class="button button--small"
                                            on:click=move |_| outbox.retry(&retry_key)>{i18n.t(Common::TryAgain)}</button>
                                    })}
                                    <button type="button" class="button button--small" on:click=move |_| {
                                        outbox.discard(&edit_key);
                                        on_edit.run(edit_text.clone());
                                    }>{i18n.t(Threads::EditAgain)}</button>
                                    <button type="button" class="button button--ghost button--small"
                                        on:click=move |_| outbox.discard(&discard_key)>{i18n.t(Threads::Discard)}</button>
                                </div>
                            })}
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
