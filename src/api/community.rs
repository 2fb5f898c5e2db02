use veche_api::community::{Community, CommunityStats};

use super::client::{self, ApiResult, Method, Options};

pub async fn get() -> ApiResult<Community> {
    client::request::<Community, ()>(Method::Get, "/community", None, Options::default()).await
}

/// The home page's counters, as this viewer may see them.
pub async fn stats() -> ApiResult<CommunityStats> {
    client::request::<CommunityStats, ()>(Method::Get, "/community/stats", None, Options::default()).await
}
