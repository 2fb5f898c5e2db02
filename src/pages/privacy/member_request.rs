use leptos::either::Either;
use leptos::prelude::*;
use veche_api::member::MemberSummary;
use veche_api::privacy::DeletedContent;

use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::members::Avatar;
use crate::components::privacy::DeletionForm;
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;

/// Finds the member who asked (by handle), then offers their archive and the deletion.
#[component]
pub fn MemberRequest(
    /// A handle to look up at once (from the member's profile link).
    initial: String,
    /// What the community does with a deleted member's content.
    #[prop(into)]
    choice: Signal<DeletedContent>,
    /// Called after an account is deleted (the log has a new line).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let handle = RwSignal::new(initial.trim().trim_start_matches('@').to_owned());
    let form = FormState::new();
    let missing = RwSignal::new(false);
    let found = RwSignal::new(None::<MemberSummary>);
    let deleted = RwSignal::new(false);
    let lookup = Action::new_local(|handle: &String| {
        let handle = handle.clone();
        async move { api::members::profile(&handle).await }
    });
    Effect::new(move |_| match lookup.value().get() {
        Some(Ok(profile)) => found.set(Some(profile.member)),
        Some(Err(ApiError::NotFound)) => missing.set(true),
        Some(Err(error)) => form.show_error(&error),
        None => {}
    });
    let find = move || {
        form.clear();
        missing.set(false);
        deleted.set(false);
        found.set(None);
        let wanted = handle.get_untracked().trim().trim_start_matches('@').to_lowercase();
        if wanted.is_empty() {
            missing.set(true);
        } else {
            lookup.dispatch(wanted);
        }
    };
    if !handle.get_untracked().is_empty() {
        find();
    }
    let handle_error = Signal::derive(move || missing.get().then(|| i18n.t(Privacy::NoSuchMember).to_owned()));
    view! {
        <form class="form" novalidate on:submit=move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            find();
        }>
            <TextField label=i18n.t(Privacy::HandleLabel) name="handle" value=handle error=handle_error autocomplete="off" required=true />
            <FormAlert message=form.alert() />
            <button type="submit" class="button button--secondary" disabled=move || lookup.pending().get()>
                {move || if lookup.pending().get() { i18n.t(Privacy::Finding) } else { i18n.t(Privacy::Find) }}
            </button>
        </form>
        <p role="status" class="privacy-done">{move || deleted.get().then(|| i18n.t(Privacy::MemberDeleted))}</p>
        {move || found.get().map(|member| {
            let actions = if member.access.is_staff() {
                Either::Left(view! { <p>{i18n.t(Privacy::StaffCannotBeDeleted)}</p> })
            } else {
                let on_deleted = move |_| {
                    found.set(None);
                    deleted.set(true);
                    on_done.run(());
                };
                Either::Right(view! {
                    <DeletionForm handle=member.handle.clone() choice=choice on_deleted=on_deleted />
                })
            };
            view! {
                <section class="privacy-found" aria-labelledby="privacy-found-name">
                    <h3 id="privacy-found-name">
                        <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=32 />
                        " "{member.display_name.clone()}" (@"{member.handle.clone()}")"
                    </h3>
                    <p>
                        <a class="button button--secondary" href=api::privacy::member_archive_url(&member.handle) download="">
                            {i18n.t(Privacy::DownloadTheirData)}
                        </a>
                    </p>
                    {actions}
                </section>
            }
        })}
    }
}
