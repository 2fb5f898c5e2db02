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
    /// Not known yet (nobody signed in, or not asked yet).
    fn new() -> VotesState {
        VotesState { budget: RwSignal::new(None) }
    }

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
    let state = VotesState::new();
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

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    #[test]
    fn a_vote_counts_at_once_and_a_refused_one_gives_the_vote_back() {
        let owner = Owner::new();
        owner.set();
        let votes = VotesState::new();
        votes.set(VoteBudget::new(3, 2));
        assert!(votes.allows_another(), "one vote left");
        votes.adjust(1);
        assert_eq!(votes.budget().and_then(|b| b.left), Some(0), "\"0 votes left\" before the server answers");
        assert!(!votes.allows_another(), "the other buttons say no votes are left");
        votes.adjust(-1);
        assert_eq!(votes.budget().and_then(|b| b.left), Some(1), "the refusal gives it back");
        assert!(votes.allows_another());
    }

    #[test]
    fn taking_back_never_goes_below_nothing_and_an_unknown_budget_blocks_nobody() {
        let owner = Owner::new();
        owner.set();
        let votes = VotesState::new();
        assert!(votes.allows_another(), "before the budget is known, voting is not blocked");
        votes.adjust(1);
        assert_eq!(votes.budget(), None, "a guess does not invent a budget");
        votes.set(VoteBudget::new(2, 0));
        votes.adjust(-1);
        assert_eq!(votes.budget().map(|b| (b.used, b.left)), Some((0, Some(2))));
        votes.set(VoteBudget::new(0, 5));
        assert!(votes.allows_another(), "no limit");
    }
}
