//! The pieces of the idea board.

mod ballot_form;
mod idea_card;
mod idea_counters;
mod status_chip;
mod vote_button;
mod votes_left;

pub use ballot_form::BallotForm;
pub use idea_card::IdeaCard;
pub use idea_counters::IdeaCountersView;
pub use status_chip::StatusChip;
pub use vote_button::VoteButton;
pub use votes_left::VotesLeft;
