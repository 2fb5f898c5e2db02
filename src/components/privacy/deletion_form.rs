use leptos::prelude::*;
use leptos_router::hooks::use_location;
use veche_api::privacy::{self as contract, AccountDeletion, DeletedContent};

use crate::api;
use crate::components::account::start_href;
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
            <SignInAgain />
            {staff_request.then(|| view! {
                <TextField label=i18n.t(Privacy::NoteLabel) name="note" value=note error=form.field("note") maxlength=contract::NOTE_MAX as u32 />
            })}
            <button type="submit" class="button button--danger" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Privacy::Deleting) } else { i18n.t(submit) }}
            </button>
        </form>
    }
}

/// For an account without a password (it signs in through the organisation's identity
/// provider): how to confirm instead, with a link per provider that signs in again and comes
/// back to this page. Nothing where the community has no provider.
#[component]
fn SignInAgain() -> impl IntoView {
    let i18n = use_i18n();
    let options = LocalResource::new(api::auth::sign_in_options);
    let location = use_location();
    let providers = move || {
        let options = options.get().and_then(Result::ok)?;
        if options.providers.is_empty() {
            return None;
        }
        let next = location.pathname.get_untracked();
        let links = options
            .providers
            .into_iter()
            .map(|provider| {
                let href = start_href(&provider.start_url, &next);
                // `external`: a navigation to the server (then the provider), not a route of the app.
                view! {
                    <a class="button button--secondary" href=href rel="external nofollow">
                        {i18n.t(Privacy::SignInAgainWith)}" "{provider.label.clone()}
                    </a>
                }
            })
            .collect_view();
        Some(view! {
            <div class="privacy-sign-in-again">
                <p>{i18n.t(Privacy::NoPasswordHint)}</p>
                {links}
            </div>
        })
    };
    view! { <Transition fallback=|| ()>{providers}</Transition> }
}
