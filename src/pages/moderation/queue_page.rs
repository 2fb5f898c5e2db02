use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::moderation::{ModerationAction, QueueItem};

use super::paged_list::{PAGE, paged_list};
use super::target_link::TargetSummary;
use crate::api::{first_items, moderation};
use crate::components::feedback::Loaded;
use crate::components::moderation::ModerationForm;
use crate::i18n::messages::moderation::{self as texts, Moderation};
use crate::i18n::use_i18n;

/// `/moderation`: targets with open reports, each with its reasons, the reporters' notes and
/// the actions (hide or restore, dismiss).
#[component]
pub fn QueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(PAGE);
    let status = RwSignal::new(None::<&'static str>);
    let queue = LocalResource::new(move || first_items(shown.get(), moderation::queue));
    let on_done = Callback::new(move |_| {
        status.set(Some(i18n.t(Moderation::Done)));
        queue.refetch();
    });
    view! {
        <Title text=i18n.t(Moderation::QueueTitle) />
        <header class="page-head">
            <div>
                <h1>{i18n.t(Moderation::QueueTitle)}</h1>
                <p class="page-head__intro">{i18n.t(Moderation::QueueIntro)}</p>
            </div>
        </header>
        <p class="moderation__status" role="status">{move || status.get()}</p>
        <Loaded resource=queue let:page>
            {{
                paged_list(page, Moderation::QueueEmpty, false, shown, move |item| view! { <QueueRow item=item on_done=on_done /> })
                }}
        </Loaded>
    }
}

/// One reported target.
#[component]
fn QueueRow(
    /// The target and its open reports.
    item: QueueItem,
    /// Told when a moderator acted on it.
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let target = item.target.clone();
    let first = if target.hidden { ModerationAction::Restore } else { ModerationAction::Hide };
    let reasons = item
        .reasons
        .iter()
        .map(|r| format!("{} ({})", i18n.t(texts::reason(r.reason)), r.count))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="moderation-item">
            <TargetSummary target=target.clone() />
            <p class="moderation-item__reports">
                <strong>{texts::reports(locale, item.report_count)}</strong>": "{reasons}
            </p>
            {(!item.notes.is_empty()).then(|| view! {
                <div class="moderation-item__notes">
                    <h3 class="moderation-item__notes-title">{i18n.t(Moderation::ReporterNotes)}</h3>
                    <ul>{item.notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
                </div>
            })}
            <ModerationForm
                kind=target.kind
                id=target.id
                actions=vec![first, ModerationAction::Dismiss]
                on_done=Callback::new(move |_| on_done.run(()))
            />
        </li>
    }
}
