use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use veche_api::threads::{Thread, ThreadUpdate};

use super::thread_articles::ThreadArticles;
use crate::api::threads;
use crate::components::feedback::{Loaded, error_message};
use crate::components::groups::gated_failure;
use crate::components::moderation::shown_title;
use crate::components::threads::{Discussion, PostModel, PostView, ShareMenu};
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::outbox::use_outbox;

/// `/threads/<id>`: the question, its accepted answer, and the discussion (pages of replies, a
/// link to any reply opens its page, the reply box).
#[component]
pub fn ThreadPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let thread = LocalResource::new(move || {
        let id = id.get();
        async move { threads::get(&id).await }
    });
    let action_error = RwSignal::new(None::<crate::api::ApiError>);
    // A reply of this thread reached the server: the counts changed, and if the page could not
    // load while the connection was down, now it can.
    use_outbox()
        .on_delivered_where(move |topic| topic == format!("thread:{}", id.get_untracked()), move |_| thread.refetch());

    let replace_thread = move |updated: Thread| thread.set(Some(Ok(updated)));
    let moderate = move |update: ThreadUpdate| {
        leptos::task::spawn_local(async move {
            match threads::update(&id.get_untracked(), &update).await {
                Ok(updated) => replace_thread(updated),
                Err(error) => action_error.set(Some(error)),
            }
        });
    };
    let accept = Callback::new(move |reply: String| {
        leptos::task::spawn_local(async move {
            match threads::accept(&id.get_untracked(), &reply).await {
                Ok(updated) => replace_thread(updated),
                Err(error) => action_error.set(Some(error)),
            }
        });
    });
    let unaccept = move |_| {
        leptos::task::spawn_local(async move {
            match threads::unaccept(&id.get_untracked()).await {
                Ok(updated) => replace_thread(updated),
                Err(error) => action_error.set(Some(error)),
            }
        });
    };

    view! {
        <Title text=move || thread.get().and_then(Result::ok).map(|t| shown_title(&t.title, t.hidden)).unwrap_or_default() />
        <Loaded resource=thread failure=gated_failure let:t>
            {{
                let base = format!("/threads/{}", t.id);
                let share_url = format!("{}{}", window().location().origin().unwrap_or_default(), base);
                let can_moderate = t.permissions.moderate;
                let (pinned, locked) = (t.pinned, t.locked);
                let solution = t.solution.clone();
                let can_accept = t.permissions.accept;
                let opening = PostModel::opening(&t);
                view! {
                    <article class="thread-page">
                        <header class="thread-page__head">
                            <p class="thread-page__space">
                                <A href=format!("/threads?space={}", t.space.slug)>{t.space.name.clone()}</A>
                            </p>
                            <h1 class="thread-page__title">{shown_title(&t.title, t.hidden)}</h1>
                            <p class="thread-row__badges">
                                {t.pinned.then(|| view! { <span class="badge badge--pinned">{i18n.t(Threads::Pinned)}</span> })}
                                {t.solution.is_some().then(|| view! { <span class="badge badge--solved">"✓ "{i18n.t(Threads::Solved)}</span> })}
                                {t.locked.then(|| view! { <span class="badge">{i18n.t(Threads::Locked)}</span> })}
                            </p>
                            <div class="thread-page__tools">
                                <ShareMenu url=share_url title=t.title.clone() />
                                {can_moderate.then(|| view! {
                                    <button type="button" class="button button--ghost button--small"
                                        on:click=move |_| moderate(ThreadUpdate { pinned: Some(!pinned), ..ThreadUpdate::default() })>
                                        {i18n.t(if pinned { Threads::Unpin } else { Threads::Pin })}
                                    </button>
                                    <button type="button" class="button button--ghost button--small"
                                        on:click=move |_| moderate(ThreadUpdate { locked: Some(!locked), ..ThreadUpdate::default() })>
                                        {i18n.t(if locked { Threads::Unlock } else { Threads::Lock })}
                                    </button>
                                })}
                            </div>
                            <p class="form-alert__text" role="alert" hidden=move || action_error.with(Option::is_none)>
                                {move || action_error.get().map(|e| error_message(i18n, &e))}
                            </p>
                        </header>
                        <ThreadArticles thread_id=t.id.clone() articles=t.articles.clone() />
                        <PostView post=opening on_changed=Callback::new(move |_| thread.refetch()) />
                        {solution.map(|answer| {
                            let anchor = format!("#reply-{}", answer.id);
                            view! {
                                <section class="solution" aria-labelledby="solution-title">
                                    <h2 id="solution-title" class="solution__title">"✓ "{i18n.t(Threads::AcceptedAnswer)}</h2>
                                    <div class="solution__body">
                                        <crate::components::markdown::Markdown source=Signal::derive(move || answer.body.clone()) />
                                    </div>
                                    <p class="solution__links">
                                        <a href=anchor>{i18n.t(Threads::GoToAnswer)}</a>
                                        {can_accept.then(|| view! {
                                            " · "
                                            <button type="button" class="button button--ghost button--small" on:click=unaccept>
                                                {i18n.t(Threads::UnacceptAnswer)}
                                            </button>
                                        })}
                                    </p>
                                </section>
                            }
                        })}
                        <Discussion
                            thread_id=t.id.clone()
                            total=t.reply_count
                            base=base
                            heading=i18n.t(Threads::Replies)
                            can_reply=t.permissions.reply
                            locked=t.locked
                            on_accept=can_accept.then_some(accept)
                        />
                    </article>
                }
                }}
        </Loaded>
    }
}
