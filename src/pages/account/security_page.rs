use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{self};
use crate::components::account::{ChangeEmailForm, ChangePasswordForm, SessionList};
use crate::components::feedback::Loaded;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// `/account/security`: change the password or the address, see where you are signed in and
/// sign out everywhere else.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let i18n = use_i18n();
    let sessions = LocalResource::new(api::auth::sessions);
    let form = FormState::new();
    let ended = RwSignal::new(false);
    let end_others = Action::new_local(|_: &()| api::auth::end_other_sessions());
    form.follow(end_others, move |_| {
        ended.set(true);
        sessions.refetch();
    });
    view! {
        <Title text=i18n.t(Accounts::SecurityTitle) />
        <section class="account-page">
            <h1>{i18n.t(Accounts::SecurityTitle)}</h1>
            <ChangePasswordForm on_changed=move |_| sessions.refetch() />
            <ChangeEmailForm />
            <section class="account-sessions" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{i18n.t(Accounts::SessionsTitle)}</h2>
                <Loaded resource=sessions let:list>
                    {{
                        let alone = list.items.iter().all(|session| session.current);
                        view! {
                            <SessionList sessions=list.items />
                            {alone.then(|| view! { <p class="account-sessions__alone">{i18n.t(Accounts::NoOtherSessions)}</p> })}
                        }
                        }}
                </Loaded>
                <FormAlert message=form.alert() />
                <p role="status">{move || ended.get().then(|| i18n.t(Accounts::OtherSessionsEnded))}</p>
                <button
                    type="button"
                    class="button button--secondary"
                    disabled=move || end_others.pending().get()
                    on:click=move |_| {
                        form.clear();
                        ended.set(false);
                        end_others.dispatch(());
                    }
                >
                    {move || if end_others.pending().get() { i18n.t(Accounts::EndingSessions) } else { i18n.t(Accounts::EndOtherSessions) }}
                </button>
            </section>
        </section>
    }
}
