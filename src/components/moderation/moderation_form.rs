use leptos::prelude::*;
use veche_api::moderation::{self as contract, LogEntry, ModerationAction, NewModerationAction, TargetKind};
use veche_api::validate::FieldErrors;

use crate::api::client::new_idempotency_key;
use crate::api::moderation;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft};

fn action_text(action: ModerationAction) -> Moderation {
    match action {
        ModerationAction::Hide => Moderation::Hide,
        ModerationAction::Restore => Moderation::Restore,
        _ => Moderation::Dismiss,
    }
}

/// A moderator's note and the actions they may take on one target (hide, restore, dismiss).
/// The note is kept as a draft; its error shows beside it.
#[component]
pub fn ModerationForm(
    /// What the actions apply to.
    kind: TargetKind,
    /// Its id.
    #[prop(into)]
    id: String,
    /// The buttons, in order.
    actions: Vec<ModerationAction>,
    /// Told when an action is done, with the new line of the log.
    on_done: Callback<LogEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("moderation-{}-{id}", kind.as_str());
    let note = use_draft::<String>(&format!("{base}.note"));
    let form = FormState::new();
    let id = StoredValue::new(id);
    // One retry key per action and target while the page is open.
    let keys = StoredValue::new(std::collections::BTreeMap::<&'static str, String>::new());
    let (field_id, hint_id, error_id) = (format!("{base}-note"), format!("{base}-hint"), format!("{base}-error"));
    let draft_name = StoredValue::new(format!("{base}.note"));
    let note_error = form.field("note");

    // Sent with the action's key; the key is forgotten once the server has it.
    let act = Action::new_local(move |(request, key): &(NewModerationAction, String)| {
        let (request, key) = (request.clone(), key.clone());
        async move {
            let action = request.action;
            match moderation::act(&request, key).await {
                Ok(entry) => {
                    note.set(String::new());
                    clear_draft(&draft_name.get_value());
                    keys.update_value(|keys| {
                        keys.remove(action.as_str());
                    });
                    on_done.run(entry);
                }
                Err(error) => form.show_error(&error),
            }
        }
    });
    let run = move |action: ModerationAction| {
        let request =
            NewModerationAction { target_kind: kind, target_id: id.get_value(), action, note: note.get_untracked() };
        let mut errors = FieldErrors::new();
        contract::check_action_note(&mut errors, action, &request.note);
        form.clear();
        if !form.check(&errors, i18n.locale()) {
            return;
        }
        let key = keys
            .try_update_value(|keys| keys.entry(action.as_str()).or_insert_with(new_idempotency_key).clone())
            .unwrap_or_else(new_idempotency_key);
        act.dispatch((request, key));
    };

    view! {
        <div class="moderation-form">
            <div class="field" class:field--invalid=move || note_error.with(Option::is_some)>
                <label class="field__label" for=field_id.clone()>{i18n.t(Moderation::ActionNoteLabel)}</label>
                <p class="field__hint" id=hint_id.clone()>{i18n.t(Moderation::ActionNoteHint)}</p>
                <textarea
                    class="field__input field__textarea"
                    id=field_id
                    rows=2
                    maxlength=contract::NOTE_MAX
                    aria-invalid=move || if note_error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=format!("{hint_id} {error_id}")
                    bind:value=note
                ></textarea>
                <p class="field__error" id=error_id hidden=move || note_error.with(Option::is_none)>
                    {move || note_error.get().unwrap_or_default()}
                </p>
            </div>
            <FormAlert message=form.alert() />
            <div class="form__actions">
                {actions.into_iter().map(|action| view! {
                    <button
                        type="button"
                        class="button button--small"
                        class:button--secondary=action == ModerationAction::Dismiss
                        disabled=move || act.pending().get()
                        on:click=move |_| run(action)
                    >
                        {i18n.t(action_text(action))}
                    </button>
                }).collect_view()}
            </div>
        </div>
    }
}
