use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use veche_api::kb::{SectionInput, SectionPlace, one_place};
use wasm_bindgen::JsCast;

use super::section_anchor;
use super::section_form::SectionForm;
use super::section_view::{Editing, SectionView};
use crate::api::{self, ApiError, client::new_idempotency_key};
use crate::components::feedback::{EmptyState, Loaded, error_message};
use crate::components::threads::reveal;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/kb`: the sections in order, each with its description and articles (newest change first);
/// staff add an article or a section, and move, change or delete a section, in place.
#[component]
pub fn KnowledgeBasePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let base = LocalResource::new(api::kb::index);
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

    // Moving a section puts it before its upper neighbour (or after its lower one); the list
    // shows the server's new order, and the keyboard focus goes back to the moved section's
    // button (the other one when it reached an end).
    let failure = RwSignal::new(None::<String>);
    let moving = StoredValue::new(None::<(String, isize)>);
    let order = Action::new_local(move |(id, place): &(String, SectionPlace)| {
        let (id, place) = (id.clone(), place.clone());
        async move { api::kb::place_section(&id, &place, new_idempotency_key()).await }
    });
    Effect::new(move |_| match order.value().get() {
        Some(Ok(fresh)) => {
            base.set(Some(Ok(fresh)));
            if let Some((id, by)) = moving.try_update_value(Option::take).flatten() {
                request_animation_frame(move || focus_move_button(&id, by));
            }
        }
        // The neighbour was deleted since the list was loaded.
        Some(Err(ApiError::Validation { .. } | ApiError::NotFound)) => {
            failure.set(Some(i18n.t(Kb::SectionsChanged).to_owned()));
            base.refetch();
        }
        Some(Err(error)) => failure.set(Some(error_message(i18n, &error))),
        None => {}
    });
    let move_section = move |ids: Vec<String>, index: usize| {
        Callback::new(move |by: isize| {
            let Some(place) = one_place(&ids, index, by).filter(|_| !order.pending().get_untracked()) else {
                return;
            };
            failure.set(None);
            moving.set_value(Some((ids[index].clone(), by)));
            order.dispatch((ids[index].clone(), place));
        })
    };

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
            <p class="form-alert__text" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
            {move || adding().then(|| view! {
                <SectionForm section_id=None initial=SectionInput::default() on_saved=changed on_cancel=close />
            })}
            <Loaded resource=base let:base>
                {if base.sections.is_empty() {
                    Either::Left(view! { <EmptyState text=i18n.t(Kb::Empty) /> })
                    } else {
                    let ids: Vec<String> = base.sections.iter().map(|s| s.id.clone()).collect();
                    let last = ids.len() - 1;
                    Either::Right(base.sections.into_iter().enumerate().map(|(index, section)| view! {
                        <SectionView section=section staff=staff editing=editing on_changed=changed
                            can_move=(index > 0, index < last) on_move=move_section(ids.clone(), index) />
                    }).collect_view())
                    }}
            </Loaded>
        </div>
    }
}

/// Focuses the moving button of section `id` that points the way it moved (`by`), or its other
/// one once it reached the top or the bottom.
fn focus_move_button(id: &str, by: isize) {
    let Some(section) = document().get_element_by_id(&section_anchor(id)) else { return };
    let (wanted, other) = if by < 0 { ("up", "down") } else { ("down", "up") };
    let button = [wanted, other]
        .into_iter()
        .find_map(|way| section.query_selector(&format!(".kb-section__move--{way}")).ok().flatten());
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}
