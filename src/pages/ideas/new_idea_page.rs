use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use veche_api::ideas::{self as contract, Idea, IdeaRef, NewIdea};

use crate::api::client::{self, Method};
use crate::api::ideas;
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::ideas::StatusChip;
use crate::components::threads::{MarkdownEditor, PendingPosts};
use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;
use crate::state::drafts::use_draft;
use crate::state::outbox::use_outbox;

const TOPIC: &str = "new-idea";

/// `/ideas/new`: propose an idea. Similar ideas are suggested while the title is typed, so a
/// vote can go to an existing one; the draft is kept until the server has the idea.
#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let navigate = use_navigate();
    let draft = use_draft::<NewIdea>("idea.new");
    let title = RwSignal::new(draft.get_untracked().title);
    let category = RwSignal::new(draft.get_untracked().category_id);
    let body = RwSignal::new(draft.get_untracked().body);
    Effect::new(move |_| {
        draft.set(NewIdea { title: title.get(), category_id: category.get(), body: body.get(), group_id: None })
    });
    let categories = LocalResource::new(ideas::categories);
    let form = FormState::new();

    // Similar ideas, looked up a moment after typing stops.
    let similar = RwSignal::new(Vec::<IdeaRef>::new());
    let typed = StoredValue::new(0u32);
    Effect::new(move |_| {
        let text = title.get();
        let ticket = typed.get_value() + 1;
        typed.set_value(ticket);
        if veche_api::ideas::keywords(&text).is_empty() {
            similar.set(Vec::new());
            return;
        }
        set_timeout(
            move || {
                if typed.get_value() != ticket {
                    return;
                }
                leptos::task::spawn_local(async move {
                    if let Ok(found) = ideas::similar(&text).await
                        && typed.get_value() == ticket
                    {
                        similar.set(found);
                    }
                });
            },
            std::time::Duration::from_millis(300),
        );
    });

    outbox.on_delivered(TOPIC, move |delivery| {
        if let Ok(idea) = client::decode::<Idea>(&delivery.response) {
            navigate(&format!("/ideas/{}", idea.id), Default::default());
        }
    });
    Effect::new(move |_| {
        for refused in outbox.pending(TOPIC).into_iter().filter(|p| p.refused.is_some()) {
            if let (Ok(sent), Some(error)) = (serde_json::from_str::<NewIdea>(&refused.body), refused.error()) {
                outbox.discard(&refused.key);
                title.set(sent.title);
                category.set(sent.category_id);
                body.set(sent.body);
                form.show_error(&error);
            }
        }
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = NewIdea {
            title: title.get_untracked(),
            category_id: category.get_untracked(),
            body: body.get_untracked(),
            group_id: None,
        };
        if form.check(&contract::check_new_idea(&request), i18n.locale()) {
            outbox.send(TOPIC, Method::Post, "/ideas", &request);
            title.set(String::new());
            body.set(String::new());
        }
    };
    let sending = move || outbox.pending(TOPIC).iter().any(|p| p.refused.is_none());

    view! {
        <Title text=i18n.t(Ideas::NewIdeaTitle) />
        <section class="editor-page">
            <h1>{i18n.t(Ideas::NewIdeaTitle)}</h1>
            <PendingPosts topic=TOPIC.to_owned() on_edit=Callback::new(move |text: String| body.set(text)) />
            <form class="form form--wide" on:submit=on_submit novalidate>
                <FormAlert message=form.alert() />
                <TextField
                    label=i18n.t(Ideas::TitleLabel)
                    name="title"
                    value=title
                    error=form.field("title")
                    hint=i18n.t(Ideas::TitleHint)
                    required=true
                    maxlength=contract::TITLE_MAX as u32
                />
                <div class="similar" aria-live="polite">
                    {move || (!similar.with(Vec::is_empty)).then(|| view! {
                        <p class="similar__title">{i18n.t(Ideas::SimilarIdeas)}</p>
                        <ul class="similar__list">
                            {similar.get().into_iter().map(|idea| view! {
                                <li>
                                    <A href=format!("/ideas/{}", idea.id)>{idea.title.clone()}</A>
                                    " "<StatusChip status=idea.status />
                                    " · "{texts::votes(i18n.locale(), idea.vote_count)}
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
                <div class="field" class:field--invalid=move || form.field("category_id").with(Option::is_some)>
                    <label class="field__label" for="field-category_id">{i18n.t(Ideas::CategoryLabel)}</label>
                    <select
                        id="field-category_id"
                        class="field__select"
                        aria-invalid=move || if form.field("category_id").with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="field-category_id-error"
                        on:change=move |event| category.set(event_target_value(&event))
                    >
                        <option value="" selected=move || category.get().is_empty()>{i18n.t(Ideas::ChooseCategory)}</option>
                        {move || categories.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| {
                            let slug = c.slug.clone();
                            view! { <option value=c.slug.clone() selected=move || category.get() == slug>{c.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field__error" id="field-category_id-error" hidden=move || form.field("category_id").with(Option::is_none)>
                        {move || form.field("category_id").get().unwrap_or_default()}
                    </p>
                </div>
                <MarkdownEditor label=i18n.t(Ideas::DescriptionLabel) name="body" value=body error=form.field("body") max=contract::BODY_MAX rows=8 />
                <p class="field__hint">{i18n.t(Threads::DraftKept)}</p>
                <button type="submit" class="button" disabled=sending>{i18n.t(Ideas::Submit)}</button>
            </form>
        </section>
    }
}
