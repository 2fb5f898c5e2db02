mod edit_profile_page;
mod follows_page;
mod leaderboard_page;
mod members_page;
mod profile_page;
mod rules_page;

pub use edit_profile_page::EditProfilePage;
pub use follows_page::FollowsPage;
pub use leaderboard_page::LeaderboardPage;
pub use members_page::MembersPage;
pub use profile_page::ProfilePage;
pub use rules_page::ReputationRulesPage;

/// Members shown first, and added by each "load more".
const STEP: u32 = 24;

/// `shown=` from the address: at least one step, at most a sane number.
fn shown_param(value: Option<String>) -> u32 {
    value.and_then(|s| s.parse::<u32>().ok()).unwrap_or(STEP).clamp(STEP, 480)
}
