use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::ProblemCode;
use veche_api::kb::{ArticleSummary, Section, SectionInput};

use super::confirm_delete::ConfirmDelete;
use super::group_badge::GroupBadge;
use super::section_anchor;
use super::section_form::SectionForm;
use crate::api::{self, ApiError, client::new_idempotency_key};
use crate::components::feedback::error_message;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// Which section form is open on the index page (one at a time, so field ids stay unique).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Editing {
    Nothing,
    NewSection,
    Section(String),
}

/// One section of the index: its title, description and articles; for staff, a link to add an
/// article to it, moving it up or down, and its change and deletion.
#[component]
pub fn SectionView(
    /// The section and the articles the reader may read.
    section: Section,
    /// The reader is staff.
    #[prop(into)]
    staff: Signal<bool>,
    /// The section form open on the page.
    editing: RwSignal<Editing>,
    /// Told when the section was changed or deleted.
    on_changed: Callback<()>,
    /// There is a section above it, and one below.
    can_move: (bool, bool),
    /// Told to move the section one place (−1: up, +1: down).
    on_move: Callback<isize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = section_anchor(&section.id);
    let heading = format!("{anchor}-title");
    let id = StoredValue::new(section.id.clone());
    let this = Editing::Section(section.id.clone());
    let open = Memo::new(move |_| editing.with(|e| *e == this));
    let initial = SectionInput { title: section.title.clone(), description: section.description.clone() };
    let failure = RwSignal::new(None::<String>);
    let remove = Action::new_local(move |_: &()| async move {
        api::kb::delete_section(&id.get_value(), new_idempotency_key()).await
    });
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(())) => on_changed.run(()),
        // Refused while the section holds articles: said in the reader's language (the server's
        // detail is English only).
        Some(Err(ApiError::Conflict { code: ProblemCode::Conflict, .. })) => {
            failure.set(Some(i18n.t(Kb::SectionNotEmpty).to_owned()))
        }
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    let description = section.description.clone();
    let articles = section.articles;
    let title_id = heading.clone();
    let move_button = move |by: isize| {
        let (class, text) = if by < 0 { ("up", Kb::MoveUp) } else { ("down", Kb::MoveDown) };
        view! {
            <button type="button" class=format!("button button--ghost button--small kb-section__move kb-section__move--{class}")
                aria-describedby=title_id.clone() on:click=move |_| on_move.run(by)>
                {i18n.t(text)}
            </button>
        }
    };

    view! {
        <section class="kb-section" id=anchor tabindex="-1" aria-labelledby=heading.clone()>
            <h2 class="kb-section__title" id=heading.clone()>{section.title.clone()}</h2>
            {move || if open.get() {
                Either::Left(view! {
                    <SectionForm section_id=Some(id.get_value()) initial=initial.clone() on_saved=on_changed
                        on_cancel=Callback::new(move |_| editing.set(Editing::Nothing)) />
                })
            } else {
                Either::Right((!description.is_empty()).then(|| view! { <p class="kb-section__description">{description.clone()}</p> }))
            }}
            <Show when=move || staff.get() && !open.get()>
                <div class="kb-section__tools">
                    <A href=format!("/kb/new?section={}", id.get_value()) attr:class="button button--ghost button--small">
                        {i18n.t(Kb::AddArticleHere)}
                    </A>
                    {can_move.0.then(|| move_button(-1))}
                    {can_move.1.then(|| move_button(1))}
                    <button type="button" class="button button--ghost button--small"
                        on:click=move |_| { failure.set(None); editing.set(Editing::Section(id.get_value())) }>
                        {i18n.t(Kb::EditSection)}
                    </button>
                    <ConfirmDelete label=i18n.t(Kb::DeleteSection) question=i18n.t(Kb::DeleteSectionQuestion)
                        pending=remove.pending() on_confirm=Callback::new(move |_| { failure.set(None); remove.dispatch(()); }) />
                </div>
            </Show>
            <p class="form-alert__text" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
            {if articles.is_empty() {
                Either::Left(view! { <p class="kb-section__empty">{i18n.t(Kb::SectionEmpty)}</p> })
            } else {
                Either::Right(view! {
                    <ul class="kb-articles">{articles.into_iter().map(|article| view! { <ArticleRow article=article /> }).collect_view()}</ul>
                })
            }}
        </section>
    }
}

/// An article in a section's list: its title as a link, who may read it when not everyone, its
/// start, and when it last changed.
#[component]
fn ArticleRow(
    /// The article.
    article: ArticleSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="kb-articles__item">
            <h3 class="kb-articles__title"><A href=format!("/kb/articles/{}", article.id)>{article.title.clone()}</A></h3>
            {article.group.map(|group| view! { <GroupBadge name=group.name /> })}
            <p class="kb-articles__summary">{article.summary.clone()}</p>
            <p class="kb-articles__meta">
                {i18n.t(Kb::Updated)}" "<time datetime=article.updated_at.clone()>{date(&article.updated_at, i18n.locale(), DateStyle::Long, None)}</time>
            </p>
        </li>
    }
}
