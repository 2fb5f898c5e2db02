mod ballot_page;
mod ballots_page;
mod idea_page;
mod ideas_on_home;
mod ideas_page;
mod new_idea_page;
mod roadmap_page;

pub use ballot_page::BallotPage;
pub use ballots_page::BallotsPage;
pub use idea_page::IdeaPage;
pub use ideas_on_home::IdeasOnHome;
pub use ideas_page::IdeasPage;
pub use new_idea_page::NewIdeaPage;
pub use roadmap_page::RoadmapPage;
