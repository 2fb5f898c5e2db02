use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::moderation::LogEntry;

use super::paged_list::{PAGE, paged_list};
use super::target_link::TargetSummary;
use crate::api::{first_items, moderation};
use crate::components::feedback::Loaded;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::moderation::{self as texts, Moderation};
use crate::i18n::use_i18n;

/// `/moderation/log`: who did what to which content, when, and why.
#[component]
pub fn LogPage() -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(PAGE);
    let log = LocalResource::new(move || first_items(shown.get(), moderation::log));
    view! {
        <Title text=i18n.t(Moderation::LogTitle) />
        <header class="page-head">
            <div>
                <h1>{i18n.t(Moderation::LogTitle)}</h1>
                <p class="page-head__intro">{i18n.t(Moderation::LogIntro)}</p>
            </div>
        </header>
        <Loaded resource=log let:page>
            {{
                paged_list(page, Moderation::LogEmpty, true, shown, |entry| view! { <LogRow entry=entry /> })
                }}
        </Loaded>
    }
}

/// One action of the log.
#[component]
fn LogRow(
    /// The action.
    entry: LogEntry,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    view! {
        <li class="moderation-item moderation-item--log">
            <p class="moderation-item__action">
                <time datetime=entry.created_at.clone()>{date(&entry.created_at, locale, DateStyle::DateTime, None)}</time>
                " · "<strong>{entry.moderator.display_name.clone()}</strong>" "
                <span class="moderation-item__verb">{i18n.t(texts::action(entry.action))}</span>
            </p>
            {(!entry.note.is_empty()).then(|| view! { <p class="moderation-item__note">{entry.note.clone()}</p> })}
            <TargetSummary target=entry.target />
        </li>
    }
}
