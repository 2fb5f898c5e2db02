use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::kb::{Link, THREAD_ARTICLES_MAX};

use crate::api::{self, client::new_idempotency_key};
use crate::components::feedback::error_message;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// The articles after linking `add` (at the end, once) or unlinking `remove`, as ids.
fn changed_links(links: &[Link], add: Option<&str>, remove: Option<&str>) -> Vec<String> {
    let mut ids: Vec<String> = links.iter().map(|l| l.id.clone()).filter(|id| Some(id.as_str()) != remove).collect();
    if let Some(add) = add.filter(|add| !ids.iter().any(|id| id == add)) {
        ids.push(add.to_owned());
    }
    ids
}

/// "From the knowledge base": the articles a thread links to; staff link another one or
/// unlink one.
#[component]
pub fn ThreadArticles(
    /// The thread.
    thread_id: String,
    /// The articles it links to now.
    articles: Vec<Link>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let staff = Memo::new(move |_| session.account().is_some_and(|a| a.member.access.is_staff()));
    let links = RwSignal::new(articles);
    let thread_id = StoredValue::new(thread_id);
    let failure = RwSignal::new(None::<String>);
    let change = Action::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        async move { api::kb::link_from_thread(&thread_id.get_value(), ids, new_idempotency_key()).await }
    });
    Effect::new(move |_| match change.value().get() {
        Some(Ok(now)) => links.set(now),
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    let send = move |ids: Vec<String>| {
        failure.set(None);
        change.dispatch(ids);
    };

    view! {
        <Show when=move || staff.get() || links.with(|l| !l.is_empty())>
            <section class="thread-kb" aria-labelledby="thread-kb-title">
                <h2 id="thread-kb-title" class="thread-kb__title">{i18n.t(Kb::FromKnowledgeBase)}</h2>
                <ul class="thread-kb__list">
                    <For each=move || links.get() key=|link| link.id.clone() let:link>
                        <li class="thread-kb__item">
                            {
                                let unlink_label = format!("{}: {}", i18n.t(Kb::Unlink), link.title);
                                let id = link.id.clone();
                                view! {
                            <A href=format!("/kb/articles/{}", link.id)>{link.title}</A>
                            <Show when=move || staff.get()>
                                <button type="button" class="button button--ghost button--small"
                                    aria-label=unlink_label.clone()
                                    disabled=move || change.pending().get()
                                    on:click={
                                        let id = id.clone();
                                        move |_| send(links.with_untracked(|l| changed_links(l, None, Some(&id))))
                                    }>
                                    {i18n.t(Kb::Unlink)}
                                </button>
                            </Show>
                                }
                            }
                        </li>
                    </For>
                </ul>
                <Show when=move || staff.get() && links.with(|l| l.len() < THREAD_ARTICLES_MAX)>
                    <LinkArticle
                        linked=Signal::derive(move || links.with(|l| l.iter().map(|l| l.id.clone()).collect()))
                        pending=change.pending()
                        on_link=Callback::new(move |id: String| send(links.with_untracked(|l| changed_links(l, Some(&id), None))))
                    />
                </Show>
                <p class="form-alert__text" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
            </section>
        </Show>
    }
}

/// A choice of every article not linked yet, and "Link" (staff).
#[component]
fn LinkArticle(
    /// The ids already linked.
    #[prop(into)]
    linked: Signal<Vec<String>>,
    /// A change is under way.
    #[prop(into)]
    pending: Signal<bool>,
    /// Told the id of the article to link.
    on_link: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = LocalResource::new(api::kb::index);
    let chosen = RwSignal::new(String::new());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let id = chosen.get_untracked();
        if !id.is_empty() {
            chosen.set(String::new());
            on_link.run(id);
        }
    };
    view! {
        <form class="thread-kb__link" on:submit=submit>
            <label class="field__label" for="thread-kb-article">{i18n.t(Kb::LinkArticle)}</label>
            <select id="thread-kb-article" class="field__select" on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="" selected=move || chosen.with(String::is_empty)>{i18n.t(Kb::ChooseArticle)}</option>
                {move || {
                    let linked = linked.get();
                    base.get().and_then(Result::ok).map(|base| base.sections.into_iter().map(|section| view! {
                        <optgroup label=section.title>
                            {section.articles.into_iter().filter(|a| !linked.contains(&a.id)).map(|article| {
                                let id = article.id.clone();
                                view! { <option value=article.id selected=move || chosen.with(|c| *c == id)>{article.title}</option> }
                            }).collect_view()}
                        </optgroup>
                    }).collect_view())
                }}
            </select>
            <button type="submit" class="button button--secondary button--small" disabled=move || pending.get()>{i18n.t(Kb::Link)}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: &str) -> Link {
        Link { id: id.into(), title: format!("Article {id}") }
    }

    #[test]
    fn linking_adds_once_at_the_end_and_unlinking_removes() {
        let links = [link("1"), link("2")];
        assert_eq!(changed_links(&links, Some("3"), None), ["1", "2", "3"]);
        assert_eq!(changed_links(&links, Some("2"), None), ["1", "2"]);
        assert_eq!(changed_links(&links, None, Some("1")), ["2"]);
        assert_eq!(changed_links(&[], None, Some("1")), Vec::<String>::new());
    }
}
