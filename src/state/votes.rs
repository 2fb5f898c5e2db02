//! The signed-in member's vote budget ("N votes left"), shared by every vote button.

use leptos::prelude::*;
use veche_api::ideas::VoteBudget;

use super::session::use_session;
use crate::api;

#[derive(Clone, Copy)]
pub struct VotesState {
    budget: RwSignal<Option<VoteBudget>>,
}

impl VotesState {
    /// The budget once known (tracked).
    pub fn budget(&self) -> Option<VoteBudget> {
        self.budget.get()
    }

    /// The server's word after a vote.
    pub fn set(&self, budget: VoteBudget) {
        self.budget.set(Some(budget));
    }

    /// Counts a vote given (+1) or taken back (−1) before the server has answered.
    pub fn adjust(&self, delta: i64) {
        self.budget.update(|budget| {
            if let Some(b) = budget {
                *b = VoteBudget::new(b.budget, (b.used + delta).max(0));
            }
        });
    }

    /// Whether a new vote fits, as far as is known (tracked).
    pub fn allows_another(&self) -> bool {
        self.budget.with(|b| b.as_ref().is_none_or(VoteBudget::allows_another))
    }

    pub fn reload(&self) {
        let budget = self.budget;
        leptos::task::spawn_local(async move {
            if let Ok(fresh) = api::ideas::budget().await {
                budget.set(Some(fresh));
            }
        });
    }
}

/// Loads the budget whenever someone signs in; forgets it on sign-out.
pub fn provide_votes() -> VotesState {
    let state = VotesState { budget: RwSignal::new(None) };
    let session = use_session();
    Effect::new(move |_| match session.account() {
        Some(_) => state.reload(),
        None => state.budget.set(None),
    });
    provide_context(state);
    state
}

pub fn use_votes() -> VotesState {
    expect_context::<VotesState>()
}
