use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::threads::{self as contract, NewThread, Space, Thread};

use crate::api::client::{self, Method};
use crate::api::threads;
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::threads::{MarkdownEditor, PendingPosts};
use crate::i18n::messages::threads::{Threads, closed_space_text};
use crate::i18n::use_i18n;
use crate::state::drafts::use_draft;
use crate::state::outbox::use_outbox;

const TOPIC: &str = "new-thread";

/// `/threads/new`: start a thread. What is typed is kept in this browser until the server has
/// the thread; sent while offline, it goes out when the network is back.
#[component]
pub fn NewThreadPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let navigate = use_navigate();
    let query = use_query_map();
    let draft = use_draft::<NewThread>("thread.new");
    if draft.with_untracked(|d| d.space_id.is_empty())
        && let Some(space) = query.with_untracked(|q| q.get("space")).filter(|s| !s.is_empty())
    {
        draft.update(|d| d.space_id = space);
    }
    let title = RwSignal::new(draft.get_untracked().title);
    let body = RwSignal::new(draft.get_untracked().body);
    let space = RwSignal::new(draft.get_untracked().space_id);
    Effect::new(move |_| {
        let next = NewThread { space_id: space.get(), title: title.get(), body: body.get() };
        draft.set(next);
    });
    let spaces = LocalResource::new(threads::spaces);
    let form = FormState::new();
    // A space asked for (a link, an old draft) where this member may not start a thread: not
    // offered, and said why, instead of a refusal after the whole thread is written.
    let refused_space = RwSignal::new(None::<Space>);
    Effect::new(move |_| {
        let Some(Ok(list)) = spaces.get() else { return };
        let chosen = space.get_untracked();
        if let Some(closed) = list.into_iter().find(|s| !s.can_post && (s.slug == chosen || s.id == chosen)) {
            refused_space.set(Some(closed));
            space.set(String::new());
        }
    });

    // The server has it: open the new thread.
    outbox.on_delivered(TOPIC, move |delivery| {
        if let Ok(thread) = client::decode::<Thread>(&delivery.response) {
            navigate(&format!("/threads/{}", thread.id), Default::default());
        }
    });
    // Refused (e.g. a field the server does not accept): the text comes back with the reasons.
    Effect::new(move |_| {
        for refused in outbox.pending(TOPIC).into_iter().filter(|p| p.refused.is_some()) {
            if let (Ok(sent), Some(error)) = (serde_json::from_str::<NewThread>(&refused.body), refused.error()) {
                outbox.discard(&refused.key);
                space.set(sent.space_id);
                title.set(sent.title);
                body.set(sent.body);
                form.show_error(&error);
            }
        }
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request =
            NewThread { space_id: space.get_untracked(), title: title.get_untracked(), body: body.get_untracked() };
        if form.check(&contract::new_thread(&request), i18n.locale()) {
            outbox.send(TOPIC, Method::Post, "/threads", &request);
            // The text is safe in the outbox now; the form is free for the next thread.
            title.set(String::new());
            body.set(String::new());
        }
    };
    let sending = move || outbox.pending(TOPIC).iter().any(|p| p.refused.is_none());

    view! {
        <Title text=i18n.t(Threads::NewThreadTitle) />
        <section class="editor-page">
            <h1>{i18n.t(Threads::NewThreadTitle)}</h1>
            <PendingPosts topic=TOPIC.to_owned() on_edit=Callback::new(move |text: String| body.set(text)) />
            <form class="form form--wide" on:submit=on_submit novalidate>
                <FormAlert message=form.alert() />
                <div class="field" class:field--invalid=move || form.field("space_id").with(Option::is_some)>
                    <label class="field__label" for="field-space_id">{i18n.t(Threads::SpaceLabel)}</label>
                    <select
                        id="field-space_id"
                        class="field__select"
                        aria-invalid=move || if form.field("space_id").with(Option::is_some) { "true" } else { "false" }
                        aria-describedby=move || {
                            if refused_space.with(Option::is_some) { "field-space_id-error field-space_id-hint" } else { "field-space_id-error" }
                        }
                        on:change=move |event| space.set(event_target_value(&event))
                    >
                        <option value="" selected=move || space.get().is_empty()>{i18n.t(Threads::ChooseSpace)}</option>
                        {move || spaces.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|s| s.can_post).map(|s| {
                            let slug = s.slug.clone();
                            view! { <option value=s.slug.clone() selected=move || space.get() == slug>{s.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field__error" id="field-space_id-error" hidden=move || form.field("space_id").with(Option::is_none)>
                        {move || form.field("space_id").get().unwrap_or_default()}
                    </p>
                    <p class="field__hint">{i18n.t(Threads::SpacePostsOffered)}</p>
                    {move || refused_space.get().map(|closed| view! {
                        <p class="field__hint" id="field-space_id-hint">{closed_space_text(i18n.locale(), &closed)}</p>
                    })}
                </div>
                <TextField
                    label=i18n.t(Threads::TitleLabel)
                    name="title"
                    value=title
                    error=form.field("title")
                    hint=i18n.t(Threads::TitleHint)
                    required=true
                    maxlength=contract::TITLE_MAX as u32
                />
                <MarkdownEditor label=i18n.t(Threads::BodyLabel) name="body" value=body error=form.field("body") max=contract::BODY_MAX rows=10 />
                <p class="field__hint">{i18n.t(Threads::DraftKept)}</p>
                <button type="submit" class="button" disabled=sending>{i18n.t(Threads::Publish)}</button>
            </form>
        </section>
    }
}
