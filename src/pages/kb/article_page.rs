use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use veche_api::kb::Article;

use super::confirm_delete::ConfirmDelete;
use super::group_badge::GroupBadge;
use super::section_anchor;
use crate::api::{self, client::new_idempotency_key};
use crate::components::feedback::{Loaded, error_message};
use crate::components::groups::gated_failure;
use crate::components::markdown::Markdown;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/kb/articles/<id>`: an article with its section, author and dates, the event it was made
/// from and the threads that discuss it; staff edit or delete it. A closed group's article shows
/// its gate to others, like the group's threads.
#[component]
pub fn ArticlePage(
    /// The article's id, from the address.
    id: String,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let article = LocalResource::new(move || async move { api::kb::article(&id.get_value()).await });

    view! {
        <Loaded resource=article failure=gated_failure let:article>
            {view! { <ArticleView article=article /> }}
        </Loaded>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let locale = i18n.locale();
    let staff = move || session.account().is_some_and(|a| a.member.access.is_staff());
    let body = article.body.clone();
    let threads = article.threads.clone();
    let section_href = format!("/kb#{}", section_anchor(&article.section.id));
    let updated = (article.updated_at != article.created_at).then(|| article.updated_at.clone());
    view! {
        <Title text=article.title.clone() />
        <article class="kb-article">
            <nav class="kb-article__crumbs" aria-label=i18n.t(Kb::Breadcrumbs)>
                <A href="/kb">{i18n.t(Kb::Title)}</A>
                <span aria-hidden="true">" › "</span>
                <A href=section_href.clone()>{article.section.title.clone()}</A>
            </nav>
            <h1 class="kb-article__title">{article.title.clone()}</h1>
            {article.group.clone().map(|group| view! { <p><GroupBadge name=group.name /></p> })}
            <p class="kb-article__meta">
                {i18n.t(Kb::WrittenBy)}" "
                <A href=format!("/members/{}", api::url::encode(&article.author.handle))>{article.author.display_name.clone()}</A>
                " · "{i18n.t(Kb::Published)}" "
                <time datetime=article.created_at.clone()>{date(&article.created_at, locale, DateStyle::Long, None)}</time>
                {updated.map(|at| view! {
                    " · "{i18n.t(Kb::Updated)}" "<time datetime=at.clone()>{date(&at, locale, DateStyle::Long, None)}</time>
                })}
            </p>
            {article.event.clone().map(|event| view! {
                <p class="kb-article__event">
                    {i18n.t(Kb::FromEvent)}" "<A href=format!("/events/{}", event.id)>{event.title}</A>
                </p>
            })}
            <div class="kb-article__body"><Markdown source=Signal::stored(body) /></div>
            {(!threads.is_empty()).then(|| view! {
                <section class="kb-article__threads" aria-labelledby="kb-threads-title">
                    <h2 id="kb-threads-title">{i18n.t(Kb::DiscussedIn)}</h2>
                    <ul>
                        {threads.into_iter().map(|thread| view! {
                            <li><A href=format!("/threads/{}", thread.id)>{thread.title}</A></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {move || staff().then(|| view! { <ArticleTools id=article.id.clone() section_href=section_href.clone() /> })}
        </article>
    }
}

/// Edit and delete (after a second "yes"), for staff.
#[component]
fn ArticleTools(
    /// The article's id.
    id: String,
    /// Where to go once it is deleted: its section on the index.
    section_href: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let edit_href = format!("/kb/articles/{id}/edit");
    let id = StoredValue::new(id);
    let failure = RwSignal::new(None::<String>);
    let remove = Action::new_local(move |_: &()| async move {
        api::kb::delete_article(&id.get_value(), new_idempotency_key()).await
    });
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(())) => navigate(&section_href, Default::default()),
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    view! {
        <div class="kb-article__tools">
            <A href=edit_href attr:class="button button--secondary button--small">{i18n.t(Kb::EditArticle)}</A>
            <ConfirmDelete label=i18n.t(Kb::DeleteArticle) question=i18n.t(Kb::DeleteArticleQuestion)
                pending=remove.pending() on_confirm=Callback::new(move |_| { failure.set(None); remove.dispatch(()); }) />
        </div>
        <p class="form-alert__text" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
    }
}
