use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::charter::Charter as CharterDoc;

use super::charter_editor::CharterEditor;
use crate::api;
use crate::components::feedback::Loaded;
use crate::components::markdown::Markdown;
use crate::components::members::role_text;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::charter::Charter;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/charter`: the rules in the reader's language (the other one when theirs is not written),
/// what each community role does, and for staff an editor in place.
#[component]
pub fn CharterPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let charter = LocalResource::new(api::charter::get);
    let retry = Callback::new(move |_| charter.refetch());
    let editing = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let staff = move || session.account().is_some_and(|a| a.member.access.is_staff());
    let done = Callback::new(move |changed: bool| {
        editing.set(false);
        saved.set(changed);
        if changed {
            charter.refetch();
        }
    });

    view! {
        <Title text=i18n.t(Common::CharterTitle) />
        <article class="charter-page">
            <header class="page-head">
                <div>
                    <h1>{move || if editing.get() { i18n.t(Charter::EditTitle) } else { i18n.t(Common::CharterTitle) }}</h1>
                    <p class="page-head__intro">{move || i18n.t(if editing.get() { Charter::EditIntro } else { Charter::Intro })}</p>
                </div>
                {move || (staff() && !editing.get()).then(|| view! {
                    <button type="button" class="button button--ghost" on:click=move |_| { saved.set(false); editing.set(true) }>
                        {i18n.t(Charter::Edit)}
                    </button>
                })}
            </header>
            <p class="charter-page__status" role="status">{move || saved.get().then(|| i18n.t(Charter::Saved))}</p>
            <Loaded resource=charter let:charter>
                {{
                    if editing.get() {
                        Either::Left(view! { <CharterEditor charter=charter done=done reload=retry /> })
                    } else {
                        Either::Right(view! { <CharterView charter=charter /> })
                    }
                    }}
            </Loaded>
        </article>
    }
}

#[component]
fn CharterView(charter: CharterDoc) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let text = charter.text(i18n.locale()).clone();
    let rules = text.rules.clone();
    let changed = charter.updated_at.clone();
    view! {
        {if rules.trim().is_empty() {
            Either::Left(view! { <p class="charter-page__empty">{i18n.t(Charter::Empty)}</p> })
        } else {
            Either::Right(view! { <Markdown source=Signal::stored(rules) /> })
        }}
        {(!text.roles.is_empty()).then(|| view! {
            <section class="charter-roles" aria-labelledby="charter-roles-heading">
                <h2 id="charter-roles-heading">{i18n.t(Charter::RolesHeading)}</h2>
                <dl class="charter-roles__list">
                    {text.roles.into_iter().map(|duty| view! {
                        <div class="charter-roles__item">
                            <dt class="charter-roles__name">
                                {if duty.name.trim().is_empty() { i18n.t(role_text(duty.role)).to_owned() } else { duty.name.clone() }}
                            </dt>
                            <dd class="charter-roles__duty">{duty.description}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>
        })}
        {changed.map(|at| view! {
            <p class="charter-page__changed">
                {i18n.t(Charter::LastChanged)}": "
                <time datetime=at.clone()>{date(&at, i18n.locale(), DateStyle::Long, None)}</time>
            </p>
        })}
        <Show when=move || session.signed_in() == Some(false)>
            <p><A href="/register" attr:class="button">{i18n.t(Charter::Join)}</A></p>
        </Show>
    }
}
