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
    let state = SessionState { account: RwSignal::new(None), status: RwSignal::new(SessionStatus::Loading) };
    provide_context(state);
    state.reload();
    state
}

pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}
