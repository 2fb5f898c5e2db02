use leptos::prelude::*;
use veche_api::member::{CommunityRole, MemberSummary};

use crate::api::members;
use crate::components::feedback::error_message;
use crate::components::members::role_text;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// Staff assign a member's community role (from the charter) here.
#[component]
pub fn RolePicker(
    /// Whose role.
    handle: String,
    /// Their role now.
    role: CommunityRole,
    /// Told the member's card after the server took the new role.
    on_changed: Callback<MemberSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(role);
    let message = RwSignal::new(None::<String>);
    let save_role = Action::new_local(move |&role: &CommunityRole| {
        let handle = handle.clone();
        async move {
            match members::set_role(&handle, role).await {
                Ok(member) => {
                    message.set(Some(i18n.t(Members::RoleSaved).to_owned()));
                    on_changed.run(member);
                }
                Err(error) => message.set(Some(error_message(i18n, &error))),
            }
        }
    });
    let assign = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        message.set(None);
        save_role.dispatch(chosen.get_untracked());
    };
    view! {
        <form class="role-picker" on:submit=assign>
            <div class="field field--inline">
                <label class="field__label" for="role-picker">{i18n.t(Common::RoleLabel)}</label>
                <select
                    id="role-picker"
                    class="field__select"
                    on:change=move |event| chosen.set(CommunityRole::parse(&event_target_value(&event)))
                >
                    {CommunityRole::KNOWN.iter().map(|option| {
                        let option = *option;
                        view! {
                            <option value=option.as_str() selected=move || chosen.get() == option>
                                {i18n.t(role_text(option))}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--small" disabled=move || save_role.pending().get()>{i18n.t(Members::AssignRole)}</button>
            <p class="role-picker__status" role="status">{move || message.get()}</p>
        </form>
    }
}
