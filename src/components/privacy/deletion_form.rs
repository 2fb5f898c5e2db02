use leptos::prelude::*;
use veche_api::privacy::{self as contract, AccountDeletion, DeletedContent};

use crate::api;
use crate::components::form::{FormAlert, FormState, PasswordField, TextField};
use crate::i18n::messages::privacy::{self as texts, Privacy};
use crate::i18n::use_i18n;

/// Deletes an account for good, after saying what happens and asking a password: the member's
/// own (`handle` none: their password), or a member's on their request (staff: their own
/// password, and a note for the log).
#[component]
pub fn DeletionForm(
    /// Whose account staff delete; none for the signed-in member's own.
    #[prop(optional, into)]
    handle: Option<String>,
    /// What the community does with a deleted member's content (said before the password).
    #[prop(into)]
    choice: Signal<DeletedContent>,
    /// Called once the account is gone.
    #[prop(into)]
    on_deleted: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let form = FormState::new();
    let staff_request = handle.is_some();
    let action = Action::new_local(move |request: &AccountDeletion| {
        let (handle, request) = (handle.clone(), request.clone());
        async move { api::privacy::delete_account(handle.as_deref(), &request).await }
    });
    form.follow(action, move |_| on_deleted.run(()));
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = AccountDeletion { password: password.get_untracked(), note: note.get_untracked() };
        if form.check(&contract::check_deletion(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    let (warning, password_label, submit) = if staff_request {
        (Privacy::TheirWarning, Privacy::YourPassword, Privacy::DeleteTheirAccount)
    } else {
        (Privacy::DeleteWarning, Privacy::PasswordToConfirm, Privacy::DeleteForever)
    };
    view! {
        <form class="form privacy-deletion" on:submit=on_submit novalidate aria-describedby="deletion-warning deletion-consequence">
            <div class="privacy-deletion__warning" role="note">
                <p id="deletion-warning">{i18n.t(warning)}</p>
                <p id="deletion-consequence"><strong>{move || i18n.t(texts::consequence(choice.get(), !staff_request))}</strong></p>
            </div>
            <FormAlert message=form.alert() />
            <PasswordField label=i18n.t(password_label) name="password" value=password error=form.field("password") />
            {staff_request.then(|| view! {
                <TextField label=i18n.t(Privacy::NoteLabel) name="note" value=note error=form.field("note") maxlength=contract::NOTE_MAX as u32 />
            })}
            <button type="submit" class="button button--danger" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Privacy::Deleting) } else { i18n.t(submit) }}
            </button>
        </form>
    }
}
