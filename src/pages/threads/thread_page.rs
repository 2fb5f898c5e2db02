use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use serde::{Deserialize, Serialize};
use veche_api::threads::{self as contract, NewReply, Quote, REPLIES_PER_PAGE, Reply, Thread, ThreadUpdate};

use crate::api::client::{self, Method};
use crate::api::threads;
use crate::api::url::encode;
use crate::components::feedback::{Loading, error_text, errors_fallback};
use crate::components::form::{FormAlert, FormState};
use crate::components::threads::{MarkdownEditor, PendingPosts, PostModel, PostView, ReplyPager, ShareMenu};
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft};
use crate::state::outbox::use_outbox;
use crate::state::session::use_session;

/// What the reply box keeps between visits.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct ReplyDraft {
    body: String,
    quote: Option<Quote>,
}

/// The reply a `#reply-<id>` address points at.
fn linked_reply(hash: &str) -> Option<String> {
    hash.strip_prefix("#reply-").filter(|id| !id.is_empty()).map(str::to_owned)
}

/// Scrolls to and focuses the element a link points at, once it is on the page.
fn reveal(element_id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&element_id) {
            element.scroll_into_view();
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// `/threads/<id>`: the question, its accepted answer, the replies a page at a time (a link to
/// any reply opens its page), and the reply box.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let location = use_location();
    let navigate = use_navigate();
    let outbox = use_outbox();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let cursor = Memo::new(move |_| location.query.with(|q| q.get("page")));
    let around = Memo::new(move |_| location.hash.with(|h| linked_reply(h)));

    let thread = LocalResource::new(move || {
        let id = id.get();
        async move { threads::get(&id).await }
    });
    let replies = LocalResource::new(move || {
        let (id, cursor, around) = (id.get(), cursor.get(), around.get());
        async move { threads::replies(&id, cursor.as_deref(), around.as_deref()).await }
    });
    let action_error = RwSignal::new(None::<crate::api::ApiError>);

    // Once the replies are on the page, go to the one the address names.
    Effect::new(move |_| {
        if replies.with(|r| r.as_ref().is_some_and(|r| r.is_ok())) {
            match location.hash.get_untracked().as_str() {
                "#replies" => reveal("replies".to_owned()),
                hash => {
                    if let Some(reply) = linked_reply(hash) {
                        reveal(format!("reply-{reply}"));
                    }
                }
            }
        }
    });

    let topic = Memo::new(move |_| format!("thread:{}", id.get()));
    // A reply the server accepted: show it where it landed.
    Effect::new(move |_| {
        if let Some(delivery) = outbox.delivered().filter(|d| d.topic == topic.get_untracked())
            && let Ok(reply) = client::decode::<Reply>(&delivery.response)
        {
            thread.refetch();
            navigate(&format!("/threads/{}#reply-{}", encode(&id.get_untracked()), reply.id), Default::default());
            replies.refetch();
        }
    });

    let replace_thread = move |updated: Thread| {
        thread.set(Some(Ok(updated)));
        replies.refetch();
    };
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

    // The reply box.
    let draft = use_draft::<ReplyDraft>(&format!("reply.{}", id.get_untracked()));
    let reply_body = RwSignal::new(draft.get_untracked().body);
    let quote = RwSignal::new(draft.get_untracked().quote);
    Effect::new(move |_| draft.set(ReplyDraft { body: reply_body.get(), quote: quote.get() }));
    let form = FormState::new();
    let on_quote = Callback::new(move |quoted: Quote| {
        quote.set(Some(quoted));
        reveal("field-reply".to_owned());
    });
    let send_reply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request =
            NewReply { body: reply_body.get_untracked(), quote_reply_id: quote.get_untracked().map(|q| q.reply_id) };
        if form.check(&contract::new_reply(&request), i18n.locale()) {
            outbox.send(&topic.get_untracked(), Method::Post, &threads::replies_path(&id.get_untracked()), &request);
            // The text waits safely in the outbox until the server has it.
            reply_body.set(String::new());
            quote.set(None);
            clear_draft(&format!("reply.{}", id.get_untracked()));
        }
    };

    let retry = Callback::new(move |_| {
        thread.refetch();
        replies.refetch();
    });

    view! {
        <Title text=move || thread.get().and_then(Result::ok).map(|t| t.title).unwrap_or_default() />
        <Transition fallback=Loading>
            <ErrorBoundary fallback=errors_fallback(retry)>
                {move || thread.get().map(|result| result.map(|t| {
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
                                <h1 class="thread-page__title">{t.title.clone()}</h1>
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
                                    {move || action_error.get().map(|e| i18n.t(error_text(&e)))}
                                </p>
                            </header>
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
                            <section class="replies" aria-labelledby="replies">
                                <h2 id="replies" tabindex="-1">{i18n.t(Threads::Replies)}" ("{t.reply_count}")"</h2>
                                {move || replies.get().map(|result| match result {
                                    Err(error) => Either::Left(view! {
                                        <crate::components::feedback::ErrorView error=error on_retry=Callback::new(move |_| replies.refetch()) />
                                    }),
                                    Ok(page) => {
                                        let first = page.items.first().map(|r| r.position).unwrap_or(0);
                                        let last = page.items.last().map(|r| r.position).unwrap_or(0);
                                        let (prev, next, base, total) = (page.prev_cursor.clone(), page.next_cursor.clone(), base.clone(), t.reply_count);
                                        let pager = move || (prev.is_some() || next.is_some()).then(|| view! {
                                            <ReplyPager base=base.clone() first=first last=last total=total
                                                prev=prev.clone() next=next.clone() per_page=i64::from(REPLIES_PER_PAGE) />
                                        });
                                        Either::Right(view! {
                                            {pager()}
                                            {page.items.is_empty().then(|| view! { <p class="empty">{i18n.t(Threads::NoReplies)}</p> })}
                                            <ol class="reply-list" start=first>
                                                {page.items.into_iter().map(|reply| view! {
                                                    <li class="reply-list__item">
                                                        <PostView
                                                            post=PostModel::reply(&reply)
                                                            on_quote=Some(on_quote)
                                                            on_accept=can_accept.then_some(accept)
                                                            on_changed=Callback::new(move |_| replies.refetch())
                                                        />
                                                    </li>
                                                }).collect_view()}
                                            </ol>
                                            {pager()}
                                        })
                                    }
                                })}
                                <PendingPosts topic=topic.get_untracked() on_edit=Callback::new(move |text: String| reply_body.set(text)) />
                            </section>
                            {if t.locked {
                                Either::Left(view! { <p class="notice">{i18n.t(Threads::LockedNotice)}</p> })
                            } else if t.permissions.reply {
                                Either::Right(Either::Left(view! {
                                    <form class="form form--wide reply-form" on:submit=send_reply novalidate>
                                        <FormAlert message=form.alert() />
                                        {move || quote.get().map(|q| view! {
                                            <div class="reply-form__quote">
                                                <p>{i18n.t(Threads::Quoting)}" "<strong>{q.author_name.clone()}</strong></p>
                                                <blockquote>{q.excerpt.clone()}</blockquote>
                                                <button type="button" class="button button--ghost button--small" on:click=move |_| quote.set(None)>
                                                    {i18n.t(Threads::RemoveQuote)}
                                                </button>
                                            </div>
                                        })}
                                        <MarkdownEditor label=i18n.t(Threads::YourReply) name="reply" value=reply_body error=form.field("body") max=contract::BODY_MAX />
                                        <p class="field__hint">{i18n.t(Threads::DraftKept)}</p>
                                        <button type="submit" class="button">{i18n.t(Threads::PostReply)}</button>
                                    </form>
                                }))
                            } else if session.signed_in() == Some(false) {
                                let next = encode(&format!("/threads/{}", t.id));
                                Either::Right(Either::Right(Some(view! {
                                    <p class="notice"><A href=format!("/signin?next={next}")>{i18n.t(Threads::SignInToReply)}</A></p>
                                })))
                            } else {
                                Either::Right(Either::Right(None))
                            }}
                        </article>
                    }
                }))}
            </ErrorBoundary>
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use super::linked_reply;

    #[test]
    fn only_reply_anchors_name_a_reply() {
        assert_eq!(linked_reply("#reply-1150"), Some("1150".to_owned()));
        assert_eq!(linked_reply("#replies"), None);
        assert_eq!(linked_reply("#reply-"), None);
        assert_eq!(linked_reply(""), None);
    }
}
