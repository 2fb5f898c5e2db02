use leptos::either::Either;
use leptos::prelude::*;
use veche_api::member::{Access, MemberSummary};
use veche_api::moderation::TargetKind;
use veche_api::threads::{self as contract, Permissions, Quote, Reply, Thread, ThreadUpdate};
use veche_api::validate::FieldErrors;

use super::{KudosButton, MarkdownEditor};
use crate::api::threads::{self, KudosTarget};
use crate::components::feedback::error_message;
use crate::components::markdown::Markdown;
use crate::components::members::{AuthorCard, shown_name};
use crate::components::moderation::{HiddenMark, ReportButton};
use crate::i18n::format::{DateStyle, date, relative_time};
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// Whether a post opens a thread or replies in it.
#[derive(Clone, Debug, PartialEq)]
pub enum PostKind {
    Opening { thread_id: String },
    Reply { id: String, position: i64 },
}

/// What a post shows, whichever kind it is.
#[derive(Clone, Debug, PartialEq)]
pub struct PostModel {
    pub kind: PostKind,
    pub author: MemberSummary,
    pub body: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub deleted: bool,
    pub kudos_count: i64,
    pub kudos_given: bool,
    pub quote: Option<Quote>,
    pub solution: bool,
    pub permissions: Permissions,
    /// Hidden by a moderator (the text is empty unless the viewer wrote it or moderates).
    pub hidden: bool,
}

impl PostModel {
    pub fn opening(thread: &Thread) -> Self {
        PostModel {
            kind: PostKind::Opening { thread_id: thread.id.clone() },
            author: thread.author.clone(),
            body: thread.body.clone(),
            created_at: thread.created_at.clone(),
            edited_at: thread.edited_at.clone(),
            deleted: thread.deleted,
            kudos_count: thread.kudos_count,
            kudos_given: thread.kudos_given,
            quote: None,
            solution: false,
            permissions: thread.permissions,
            hidden: thread.hidden,
        }
    }

    pub fn reply(reply: &Reply) -> Self {
        PostModel {
            kind: PostKind::Reply { id: reply.id.clone(), position: reply.position },
            author: reply.author.clone(),
            body: reply.body.clone(),
            created_at: reply.created_at.clone(),
            edited_at: reply.edited_at.clone(),
            deleted: reply.deleted,
            kudos_count: reply.kudos_count,
            kudos_given: reply.kudos_given,
            quote: reply.quote.clone(),
            solution: reply.solution,
            permissions: reply.permissions,
            hidden: reply.hidden,
        }
    }

    /// The element id links point at (`#reply-<id>`).
    pub fn anchor(&self) -> String {
        match &self.kind {
            PostKind::Opening { .. } => "post".to_owned(),
            PostKind::Reply { id, .. } => format!("reply-{id}"),
        }
    }
}

/// A post: author card, time, text (safe markdown), kudos and the actions the viewer may take.
/// Edits and deletions are sent from here; the page hears about them through `on_changed`.
#[component]
pub fn PostView(
    /// The post.
    post: PostModel,
    /// Asked to quote this post in the reply box (replies only).
    #[prop(default = None)]
    on_quote: Option<Callback<Quote>>,
    /// Asked to accept this reply as the answer; no button without it.
    #[prop(default = None)]
    on_accept: Option<Callback<String>>,
    /// Told the post changed (edited or deleted) with its new state.
    on_changed: Callback<PostModel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(post.body.clone());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let staff = post.author.access == Access::Staff;
    let anchor = post.anchor();
    let kind = post.kind.clone();

    let save = {
        let (post, kind) = (post.clone(), kind.clone());
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let body = draft.get_untracked();
            let mut errors = FieldErrors::new();
            contract::check_body(&mut errors, &body);
            if let Some(issue) = errors.get("body") {
                error.set(Some(issue.message(i18n.locale())));
                return;
            }
            busy.set(true);
            let (post, kind) = (post.clone(), kind.clone());
            leptos::task::spawn_local(async move {
                let result = match &kind {
                    PostKind::Opening { thread_id } => {
                        let update = ThreadUpdate { body: Some(body), ..ThreadUpdate::default() };
                        threads::update(thread_id, &update).await.map(|t| PostModel::opening(&t))
                    }
                    PostKind::Reply { id, .. } => {
                        threads::edit_reply(id, &contract::ReplyUpdate { body }).await.map(|r| PostModel::reply(&r))
                    }
                };
                busy.set(false);
                match result {
                    Ok(updated) => {
                        editing.set(false);
                        error.set(None);
                        on_changed.run(PostModel { solution: post.solution, ..updated });
                    }
                    Err(failure) => {
                        error.set(Some(failure.field("body").unwrap_or_else(|| error_message(i18n, &failure))))
                    }
                }
            });
        }
    };

    let delete = {
        let kind = kind.clone();
        move |_| {
            if !window().confirm_with_message(i18n.t(Threads::ConfirmDelete)).unwrap_or(false) {
                return;
            }
            busy.set(true);
            let kind = kind.clone();
            leptos::task::spawn_local(async move {
                let result = match &kind {
                    PostKind::Opening { thread_id } => threads::delete(thread_id).await.map(|t| PostModel::opening(&t)),
                    PostKind::Reply { id, .. } => threads::delete_reply(id).await.map(|r| PostModel::reply(&r)),
                };
                busy.set(false);
                match result {
                    Ok(updated) => on_changed.run(PostModel { solution: false, ..updated }),
                    Err(failure) => error.set(Some(error_message(i18n, &failure))),
                }
            });
        }
    };

    let quote = post.quote.clone();
    let (kudos_target, kudos_id) = match &kind {
        PostKind::Opening { thread_id } => (KudosTarget::Thread, thread_id.clone()),
        PostKind::Reply { id, .. } => (KudosTarget::Reply, id.clone()),
    };
    let reply_id = match &kind {
        PostKind::Reply { id, .. } => Some(id.clone()),
        PostKind::Opening { .. } => None,
    };
    // Others get a hidden post without its text: they see the placeholder instead.
    let concealed = post.hidden && !post.deleted && post.body.is_empty();
    let (report_kind, report_id) = match &kind {
        PostKind::Opening { thread_id } => (TargetKind::Thread, thread_id.clone()),
        PostKind::Reply { id, .. } => (TargetKind::Reply, id.clone()),
    };
    let own = use_session().account().is_some_and(|a| a.member.id == post.author.id);
    let hidden_mark = (post.hidden && !concealed && !post.deleted)
        .then(|| view! { <HiddenMark kind=report_kind id=report_id.clone() /> });
    let report_action =
        (!own && !post.deleted && !concealed).then(|| view! { <ReportButton kind=report_kind id=report_id /> });
    let quote_action = on_quote.filter(|_| reply_id.is_some() && !post.deleted && !concealed).map(|on_quote| {
        let quoted = Quote {
            reply_id: reply_id.clone().unwrap_or_default(),
            author_name: shown_name(&post.author, use_i18n()),
            excerpt: crate::markdown::plain_excerpt(&post.body, 240),
        };
        view! {
            <button type="button" class="button button--ghost button--small" on:click=move |_| on_quote.run(quoted.clone())>
                {i18n.t(Threads::Quote)}
            </button>
        }
    });
    let accept_action = on_accept.filter(|_| !post.solution && !post.deleted).zip(reply_id.clone()).map(|(on_accept, id)| {
        view! {
            <button type="button" class="button button--ghost button--small" on:click=move |_| on_accept.run(id.clone())>
                "✓ "{i18n.t(Threads::AcceptAnswer)}
            </button>
        }
    });
    let body = post.body.clone();

    view! {
        <article
            class="post"
            class:post--solution=post.solution
            class:post--staff=staff
            id=anchor
            tabindex="-1"
        >
            <header class="post__head">
                <AuthorCard member=post.author.clone() />
                <p class="post__time">
                    <time datetime=post.created_at.clone() title=date(&post.created_at, locale, DateStyle::DateTime, None)>
                        {relative_time(&post.created_at, locale)}
                    </time>
                    {post.edited_at.is_some().then(|| view! { " · "<span class="post__edited">{i18n.t(Threads::Edited)}</span> })}
                    {post.solution.then(|| view! { " · "<span class="badge badge--solved">"✓ "{i18n.t(Threads::AcceptedAnswer)}</span> })}
                    {staff.then(|| view! { " · "<span class="post__staff">{i18n.t(Threads::ByStaff)}</span> })}
                </p>
            </header>
            {quote.filter(|_| !post.deleted).map(|quote| view! {
                <blockquote class="post__quote">
                    <a href=format!("#reply-{}", quote.reply_id) class="post__quote-author">{quote.author_name}</a>
                    <p>{quote.excerpt}</p>
                </blockquote>
            })}
            {hidden_mark}
            {move || if post.deleted || concealed {
                let placeholder = if concealed { i18n.t(Moderation::HiddenPlaceholder) } else { i18n.t(Threads::Deleted) };
                Either::Left(view! { <p class="post__deleted">{placeholder}</p> })
            } else if editing.get() {
                Either::Right(Either::Left(view! {
                    <form class="form post__edit" on:submit=save.clone() novalidate>
                        <MarkdownEditor label=i18n.t(Threads::Edit) name="edit" value=draft error=error max=contract::BODY_MAX />
                        <div class="form__actions">
                            <button type="submit" class="button button--small" disabled=move || busy.get()>{i18n.t(Threads::Save)}</button>
                            <button type="button" class="button button--ghost button--small" on:click=move |_| editing.set(false)>
                                {i18n.t(Threads::Cancel)}
                            </button>
                        </div>
                    </form>
                }))
            } else {
                let body = body.clone();
                Either::Right(Either::Right(view! { <Markdown source=Signal::derive(move || body.clone()) /> }))
            }}
            <footer class="post__actions">
                <KudosButton
                    target=kudos_target
                    id=kudos_id
                    count=post.kudos_count
                    given=post.kudos_given
                    enabled=post.permissions.kudos
                />
                {quote_action}
                {accept_action}
                {report_action}
                {(post.permissions.edit && !post.deleted).then(|| view! {
                    <button type="button" class="button button--ghost button--small" on:click=move |_| editing.set(true)>
                        {i18n.t(Threads::Edit)}
                    </button>
                })}
                {(post.permissions.delete && !post.deleted).then(|| view! {
                    <button type="button" class="button button--ghost button--small" disabled=move || busy.get() on:click=delete.clone()>
                        {i18n.t(Threads::Delete)}
                    </button>
                })}
                <p class="post__error" role="alert">{move || (!editing.get()).then(|| error.get()).flatten()}</p>
            </footer>
        </article>
    }
}
