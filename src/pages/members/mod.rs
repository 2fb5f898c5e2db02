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

use veche_api::Page;

use crate::api::ApiResult;

/// Members shown first, and added by each "load more".
const STEP: u32 = 24;

/// Loads the first `shown` items of a list, following its cursors, so a reloaded "load more"
/// comes back as it was.
async fn first_items<T, F, Fut>(shown: u32, mut fetch: F) -> ApiResult<Page<T>>
where
    F: FnMut(Option<String>, u32) -> Fut,
    Fut: std::future::Future<Output = ApiResult<Page<T>>>,
{
    let mut all = Page::default();
    let mut cursor = None;
    loop {
        let wanted = shown.saturating_sub(all.items.len() as u32).clamp(1, veche_api::page::MAX_PAGE_LIMIT);
        let page = fetch(cursor, wanted).await?;
        all.items.extend(page.items);
        all.next_cursor = page.next_cursor;
        match &all.next_cursor {
            Some(next) if (all.items.len() as u32) < shown => cursor = Some(next.clone()),
            _ => return Ok(all),
        }
    }
}

/// `shown=` from the address: at least one step, at most a sane number.
fn shown_param(value: Option<String>) -> u32 {
    value.and_then(|s| s.parse::<u32>().ok()).unwrap_or(STEP).clamp(STEP, 480)
}
