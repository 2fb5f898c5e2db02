use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use veche_api::kb::SectionInput;

use super::section_form::SectionForm;
use super::section_view::{Editing, SectionView};
use crate::api;
use crate::components::feedback::{Loading, errors_fallback};
use crate::components::threads::reveal;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/kb`: the sections in order, each with its description and articles (newest change first);
/// staff add an article or a section, and change or delete a section, in place.
#[component]
pub fn KnowledgeBasePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let base = LocalResource::new(api::kb::index);
    let retry = Callback::new(move |_| base.refetch());
    let staff = Memo::new(move |_| session.account().is_some_and(|a| a.member.access.is_staff()));
    let editing = RwSignal::new(Editing::Nothing);
    let changed = Callback::new(move |_| {
        editing.set(Editing::Nothing);
        base.refetch();
    });
    let close = Callback::new(move |_| editing.set(Editing::Nothing));
    // `/kb#section-3` (an article's breadcrumb): the section is there only once the list is.
    Effect::new(move |loaded: Option<bool>| {
        let now = base.with(|b| matches!(b, Some(Ok(_))));
        if now && loaded != Some(true) {
            let hash = location.hash.get_untracked();
            let anchor = hash.trim_start_matches('#');
            if !anchor.is_empty() {
                reveal(anchor.to_owned());
            }
        }
        now
    });
    let adding = move || editing.get() == Editing::NewSection;

    view! {
        <Title text=i18n.t(Kb::Title) />
        <div class="kb">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Kb::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Kb::Intro)}</p>
                </div>
                <Show when=move || staff.get()>
                    <div class="page-head__actions">
                        <A href="/kb/new" attr:class="button">{i18n.t(Kb::NewArticle)}</A>
                        <button type="button" class="button button--secondary" aria-expanded=move || adding().to_string()
                            on:click=move |_| editing.set(if adding() { Editing::Nothing } else { Editing::NewSection })>
                            {i18n.t(Kb::NewSection)}
                        </button>
                    </div>
                </Show>
            </header>
            {move || adding().then(|| view! {
                <SectionForm section_id=None initial=SectionInput::default() on_saved=changed on_cancel=close />
            })}
            <Transition fallback=Loading>
                <ErrorBoundary fallback=errors_fallback(retry)>
                    {move || base.get().map(|result| result.map(|base| if base.sections.is_empty() {
                        Either::Left(view! { <p class="empty">{i18n.t(Kb::Empty)}</p> })
                    } else {
                        Either::Right(base.sections.into_iter().map(|section| view! {
                            <SectionView section=section staff=staff editing=editing on_changed=changed />
                        }).collect_view())
                    }))}
                </ErrorBoundary>
            </Transition>
        </div>
    }
}
