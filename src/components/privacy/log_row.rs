use leptos::prelude::*;
use veche_api::privacy::PrivacyLogEntry;

use crate::components::members::shown_name;
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::privacy::{self as texts, Privacy};
use crate::i18n::use_i18n;

/// One line of the privacy log: what was done, to whose data, by whom, when, and the note.
#[component]
pub fn LogRow(
    /// The line.
    entry: PrivacyLogEntry,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let how = if entry.on_request { Privacy::OnRequest } else { Privacy::ByThemselves };
    view! {
        <li class="privacy-log__item">
            <p>
                <strong>{i18n.t(texts::action(entry.action))}</strong>
                " · "{i18n.t(Privacy::Member)}": @"{entry.subject_handle.clone()}
            </p>
            <p class="privacy-log__meta">
                <time datetime=entry.created_at.clone()>{date(&entry.created_at, locale, DateStyle::DateTime, None)}</time>
                " · "{i18n.t(Privacy::By)}": "{shown_name(&entry.actor, i18n)}" ("{i18n.t(how)}")"
            </p>
            {(!entry.note.is_empty()).then(|| view! { <p>{entry.note.clone()}</p> })}
        </li>
    }
}
