//! Who is signed in, loaded once on start from `GET /auth/me` and updated by sign-in, join
//! and sign-out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use veche_api::auth::{Account, Session};
use veche_api::member::MemberSummary;

use crate::api::{self, ApiError};

/// Where the session stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionStatus {
    Loading,
    Ready,
    /// `/auth/me` failed; the app still works as a guest and offers a retry.
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct SessionState {
    account: RwSignal<Option<Account>>,
    status: RwSignal<SessionStatus>,
}

impl SessionState {
    /// Nobody known yet: loading.
    fn new() -> SessionState {
        SessionState { account: RwSignal::new(None), status: RwSignal::new(SessionStatus::Loading) }
    }

    /// The signed-in member's account (tracked).
    pub fn account(&self) -> Option<Account> {
        self.account.get()
    }

    pub fn status(&self) -> SessionStatus {
        self.status.get()
    }

    /// `Some(true)` signed in, `Some(false)` not, `None` still loading (for protected routes).
    pub fn signed_in(&self) -> Option<bool> {
        match self.status.get() {
            SessionStatus::Loading => None,
            _ => Some(self.account.with(Option::is_some)),
        }
    }

    /// Takes a session answer (login, join, sign-out) as the new truth.
    pub fn accept(&self, session: Session) {
        self.account.set(session.account);
        self.status.set(SessionStatus::Ready);
    }

    /// The signed-in member's card changed (new name or picture): the header shows it at once.
    pub fn update_member(&self, member: MemberSummary) {
        self.account.update(|account| {
            if let Some(account) = account.as_mut().filter(|a| a.member.id == member.id) {
                account.member = member;
            }
        });
    }

    /// Asks the server again about the signed-in member (a confirmed or changed address), keeping
    /// what is shown meanwhile: protected pages stay mounted.
    pub fn refresh(&self) {
        let state = *self;
        spawn_local(async move {
            if let Ok(session) = api::auth::me().await {
                state.accept(session);
            }
        });
    }

    /// Asks the server again who is signed in.
    pub fn reload(&self) {
        let state = *self;
        state.status.set(SessionStatus::Loading);
        spawn_local(async move {
            match api::auth::me().await {
                Ok(session) => state.accept(session),
                Err(error) => state.status.set(SessionStatus::Failed(error)),
            }
        });
    }
}

pub fn provide_session() -> SessionState {
    let state = SessionState::new();
    provide_context(state);
    state.reload();
    state
}

pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    fn session(handle: &str) -> Session {
        serde_json::from_value(serde_json::json!({
            "account": {
                "member": { "id": "m1", "handle": handle, "display_name": "Ada", "role": "member", "access": "member" },
                "email": "ada@example.com",
                "locale": "en"
            },
            "csrf_token": "t"
        }))
        .expect("an account")
    }

    #[test]
    fn protected_pages_wait_until_the_server_has_said_who_is_signed_in() {
        let owner = Owner::new();
        owner.set();
        let state = SessionState::new();
        assert_eq!(state.signed_in(), None, "still loading: neither sent to sign in nor shown");
        state.accept(session("ada"));
        assert_eq!(state.signed_in(), Some(true));
        state.accept(Session { account: None, csrf_token: "t".into() });
        assert_eq!(state.signed_in(), Some(false), "signed out");
        assert_eq!(state.account(), None);
    }

    #[test]
    fn a_new_name_shows_in_the_header_at_once_but_only_for_the_same_member() {
        let owner = Owner::new();
        owner.set();
        let state = SessionState::new();
        state.accept(session("ada"));
        let mut renamed = session("ada").account.expect("an account").member;
        renamed.display_name = "Ada L.".into();
        state.update_member(renamed.clone());
        assert_eq!(state.account().map(|a| a.member.display_name), Some("Ada L.".to_owned()));
        let mut someone_else = renamed;
        someone_else.id = "m2".into();
        someone_else.display_name = "Bob".into();
        state.update_member(someone_else);
        assert_eq!(state.account().map(|a| a.member.display_name), Some("Ada L.".to_owned()));
    }
}
