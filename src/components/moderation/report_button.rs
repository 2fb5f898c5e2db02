use leptos::html::{Button, Dialog};
use leptos::prelude::*;
use veche_api::moderation::{self as contract, NewReport, ReportReason, TargetKind};
use veche_api::validate::FieldErrors;

use crate::api::client::new_idempotency_key;
use crate::api::moderation;
use crate::components::form::{FormAlert, FormState, TextField};
use crate::i18n::messages::moderation::{self as texts, Moderation};
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft};
use crate::state::session::use_session;

/// "Report" for signed-in members, and the dialog that sends the report: a reason (radio
/// group), an optional note kept as a draft, errors beside the fields. The dialog is modal
/// (the page behind it is inert), Escape closes it and the focus goes back to the button.
#[component]
pub fn ReportButton(
    /// What is reported.
    kind: TargetKind,
    /// Its id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let open = RwSignal::new(false);
    let reported = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let id = StoredValue::new(id);
    let close = move || {
        open.set(false);
        // Once the dialog has gone: while it is modal the rest of the page is inert.
        request_animation_frame(move || {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let done = Callback::new(move |()| {
        reported.set(true);
        close();
    });
    let cancel = Callback::new(move |()| close());

    move || {
        (session.signed_in() == Some(true)).then(|| {
            view! {
                <span class="report">
                    <button
                        type="button"
                        class="button button--ghost button--small"
                        node_ref=button
                        aria-haspopup="dialog"
                        on:click=move |_| open.set(true)
                    >
                        {i18n.t(Moderation::Report)}
                    </button>
                    <span class="report__status" role="status">
                        {move || reported.get().then(|| i18n.t(Moderation::Reported))}
                    </span>
                    {move || open.get().then(|| view! { <ReportDialog kind=kind id=id.get_value() on_done=done on_cancel=cancel /> })}
                </span>
            }
        })
    }
}

/// The open dialog; mounted only while open, so ids stay unique on a page of many posts.
#[component]
fn ReportDialog(kind: TargetKind, id: String, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let draft_name = format!("report.{}.{id}", kind.as_str());
    let note = use_draft::<String>(&draft_name);
    let reason = RwSignal::new(None::<ReportReason>);
    let form = FormState::new();
    let busy = RwSignal::new(false);
    // One key for every retry of this report.
    let key = new_idempotency_key();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    });

    // The modal state ends before the dialog goes, so the page is usable again at once.
    let finish = move |then: Callback<()>| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        then.run(());
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let report = NewReport {
            target_kind: kind,
            target_id: id.clone(),
            reason: reason.get_untracked().unwrap_or(ReportReason::Unknown),
            note: note.get_untracked(),
        };
        let mut errors = contract::check_report(&report);
        if report.reason == ReportReason::Unknown {
            // "Choose a reason" says more than "required" over a radio group.
            errors = FieldErrors::new();
            contract::check_report_note(&mut errors, &report.note);
            errors.add("reason", veche_api::validate::Issue::Required);
        }
        form.clear();
        if !form.check(&errors, i18n.locale()) {
            return;
        }
        busy.set(true);
        let (key, draft_name) = (key.clone(), draft_name.clone());
        leptos::task::spawn_local(async move {
            let result = moderation::report(&report, key).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    clear_draft(&draft_name);
                    finish(on_done);
                }
                Err(error) => form.show_error(&error),
            }
        });
    };
    let reason_error = form.field("reason");

    view! {
        <dialog
            node_ref=dialog
            class="report-dialog"
            aria-labelledby="report-dialog-title"
            aria-describedby="report-dialog-intro"
            on:cancel=move |event: leptos::ev::Event| {
                event.prevent_default();
                finish(on_cancel);
            }
        >
            <form class="form report-dialog__form" on:submit=submit novalidate>
                <h2 class="report-dialog__title" id="report-dialog-title">{i18n.t(Moderation::ReportTitle)}</h2>
                <p class="report-dialog__intro" id="report-dialog-intro">{i18n.t(Moderation::ReportIntro)}</p>
                <fieldset
                    class="field report-dialog__reasons"
                    class:field--invalid=move || reason_error.with(Option::is_some)
                    aria-describedby="report-reason-error"
                >
                    <legend class="field__label">{i18n.t(Moderation::ReasonLabel)}</legend>
                    {ReportReason::KNOWN.iter().map(|&choice| view! {
                        <label class="report-dialog__reason">
                            <input
                                type="radio"
                                name="reason"
                                value=choice.as_str()
                                aria-invalid=move || if reason_error.with(Option::is_some) { "true" } else { "false" }
                                on:change=move |_| reason.set(Some(choice))
                                prop:checked=move || reason.get() == Some(choice)
                            />
                            " "{i18n.t(texts::reason(choice))}
                        </label>
                    }).collect_view()}
                    <p class="field__error" id="report-reason-error" hidden=move || reason_error.with(Option::is_none)>
                        {move || reason_error.get().map(|_| i18n.t(Moderation::ChooseReason))}
                    </p>
                </fieldset>
                <TextField
                    label=i18n.t(Moderation::NoteLabel)
                    name="report-note"
                    value=note
                    error=form.field("note")
                    rows=3
                    maxlength=contract::NOTE_MAX as u32
                />
                <FormAlert message=form.alert() />
                <div class="form__actions">
                    <button type="submit" class="button button--small" disabled=move || busy.get()>
                        {i18n.t(Moderation::SendReport)}
                    </button>
                    <button type="button" class="button button--ghost button--small" on:click=move |_| finish(on_cancel)>
                        {i18n.t(Moderation::Cancel)}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
