use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use serde::{Deserialize, Serialize};
use veche_api::threads::{self as contract, NewReply, Quote, REPLIES_PER_PAGE, Reply};

use super::{MarkdownEditor, PendingPosts, PostModel, PostView, ReplyPager};
use crate::api::client::{self, Method};
use crate::api::threads;
use crate::components::account::sign_in_href;
use crate::components::feedback::{EmptyState, ErrorView};
use crate::components::form::{FormAlert, FormState};
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
pub fn linked_reply(hash: &str) -> Option<String> {
    hash.strip_prefix("#reply-").filter(|id| !id.is_empty()).map(str::to_owned)
}

/// Scrolls to and focuses the element a link points at, once it is on the page.
pub fn reveal(element_id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&element_id) {
            element.scroll_into_view();
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// The replies of a thread a page at a time (`?page=` and `#reply-<id>` in the address pick the
/// page), and the reply box: drafts kept in this browser, sending through the outbox, quotes.
/// Threads and the comments of ideas both use it.
#[component]
pub fn Discussion(
    /// The thread whose replies these are.
    thread_id: String,
    /// Replies in the thread (for the pager).
    total: i64,
    /// The address of the page it is on (`/threads/12`, `/ideas/4`), for page links.
    base: String,
    /// Heading over the replies.
    heading: &'static str,
    /// The viewer may reply.
    can_reply: bool,
    /// The thread is locked (shows why there is no reply box).
    #[prop(default = false)]
    locked: bool,
    /// Accepting an answer, for threads whose viewer may.
    #[prop(default = None)]
    on_accept: Option<Callback<String>>,
    /// Told once a reply of this box reached the server.
    #[prop(default = None)]
    on_posted: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    let outbox = use_outbox();
    let cursor = Memo::new(move |_| location.query.with(|q| q.get("page")));
    let around = Memo::new(move |_| location.hash.with(|h| linked_reply(h)));
    let id = StoredValue::new(thread_id.clone());
    let replies = LocalResource::new(move || {
        let (cursor, around) = (cursor.get(), around.get());
        async move { threads::replies(&id.get_value(), cursor.as_deref(), around.as_deref()).await }
    });

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

    let topic = format!("thread:{thread_id}");
    let base_for_delivery = base.clone();
    // Whatever left the outbox (delivered or dropped) may have changed the page: load it again.
    // This also covers a reply delivered while this page was still loading.
    let waiting_topic = topic.clone();
    Effect::new(move |before: Option<usize>| {
        let waiting = outbox.pending(&waiting_topic).len();
        if before.is_some_and(|before| waiting < before) {
            replies.refetch();
        }
        waiting
    });
    // A reply the server accepted: show it where it landed.
    outbox.on_delivered(topic.clone(), move |delivery| {
        if let Ok(reply) = client::decode::<Reply>(&delivery.response) {
            navigate(&format!("{base_for_delivery}#reply-{}", reply.id), Default::default());
            replies.refetch();
            if let Some(posted) = on_posted {
                posted.run(());
            }
        }
    });

    let draft_name = format!("reply.{thread_id}");
    let draft = use_draft::<ReplyDraft>(&draft_name);
    let reply_body = RwSignal::new(draft.get_untracked().body);
    let quote = RwSignal::new(draft.get_untracked().quote);
    Effect::new(move |_| draft.set(ReplyDraft { body: reply_body.get(), quote: quote.get() }));
    let form = FormState::new();
    let on_quote = Callback::new(move |quoted: Quote| {
        quote.set(Some(quoted));
        reveal("field-reply".to_owned());
    });
    let send_topic = topic.clone();
    let send_reply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request =
            NewReply { body: reply_body.get_untracked(), quote_reply_id: quote.get_untracked().map(|q| q.reply_id) };
        if form.check(&contract::new_reply(&request), i18n.locale()) {
            outbox.send(&send_topic, Method::Post, &threads::replies_path(&id.get_value()), &request);
            // The text waits safely in the outbox until the server has it.
            reply_body.set(String::new());
            quote.set(None);
            clear_draft(&draft_name);
        }
    };
    let sign_in = sign_in_href(&base);

    view! {
        <section class="replies" aria-labelledby="replies">
            <h2 id="replies" tabindex="-1">{heading}" ("{total}")"</h2>
            {move || replies.get().map(|result| match result {
                Err(error) => Either::Left(view! { <ErrorView error=error on_retry=Callback::new(move |_| replies.refetch()) /> }),
                Ok(page) => {
                    let first = page.items.first().map(|r| r.position).unwrap_or(0);
                    let last = page.items.last().map(|r| r.position).unwrap_or(0);
                    let (prev, next, base) = (page.prev_cursor.clone(), page.next_cursor.clone(), base.clone());
                    let pager = move || (prev.is_some() || next.is_some()).then(|| view! {
                        <ReplyPager base=base.clone() first=first last=last total=total
                            prev=prev.clone() next=next.clone() per_page=i64::from(REPLIES_PER_PAGE) />
                    });
                    Either::Right(view! {
                        {pager()}
                        {page.items.is_empty().then(|| view! { <EmptyState text=i18n.t(Threads::NoReplies) /> })}
                        <ol class="reply-list" start=first>
                            {page.items.into_iter().map(|reply| view! {
                                <li class="reply-list__item">
                                    <PostView
                                        post=PostModel::reply(&reply)
                                        on_quote=Some(on_quote)
                                        on_accept=on_accept
                                        on_changed=Callback::new(move |_| replies.refetch())
                                    />
                                </li>
                            }).collect_view()}
                        </ol>
                        {pager()}
                    })
                }
            })}
            <PendingPosts topic=topic.clone() on_edit=Callback::new(move |text: String| reply_body.set(text)) />
        </section>
        {if locked {
            Either::Left(view! { <p class="notice">{i18n.t(Threads::LockedNotice)}</p> })
        } else if can_reply {
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
        } else {
            Either::Right(Either::Right(move || (session.signed_in() == Some(false)).then(|| view! {
                <p class="notice"><A href=sign_in.clone()>{i18n.t(Threads::SignInToReply)}</A></p>
            })))
        }}
    }
}
