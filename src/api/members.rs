use serde::Deserialize;
use veche_api::Page;
use veche_api::member::{CommunityRole, MemberSummary};
use veche_api::members::{
    ActivityItem, ActivityKind, LeaderboardEntry, LeaderboardPeriod, MemberCard, MemberSort, Photo, PhotoOrder,
    PhotoUpdate, Profile, ProfileSettings, ReputationRules, RoleChange,
};

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

/// Which members the directory lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DirectoryQuery {
    /// Words matched against name, handle, company and city; empty for everyone.
    pub search: String,
    pub role: Option<CommunityRole>,
    pub sort: Option<MemberSort>,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

impl DirectoryQuery {
    /// The API path of this query.
    pub fn path(&self) -> String {
        let limit = self.limit.map(|l| l.to_string()).unwrap_or_default();
        format!(
            "/members{}",
            query(&[
                ("q", self.search.trim()),
                ("role", self.role.map(CommunityRole::as_str).unwrap_or_default()),
                ("sort", self.sort.map(MemberSort::as_str).unwrap_or_default()),
                ("cursor", self.cursor.as_deref().unwrap_or_default()),
                ("limit", &limit),
            ])
        )
    }
}

/// The answer to following or unfollowing (the contract's `FollowState`; not in `veche-api`).
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct FollowState {
    pub following: bool,
    pub followers: i64,
}

fn member_path(handle: &str) -> String {
    format!("/members/{}", encode(handle))
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> ApiResult<T> {
    client::request::<_, ()>(Method::Get, path, None, Options::default()).await
}

pub async fn directory(filter: &DirectoryQuery) -> ApiResult<Page<MemberCard>> {
    get(&filter.path()).await
}

pub async fn profile(handle: &str) -> ApiResult<Profile> {
    get(&member_path(handle)).await
}

/// One page of what a member created, newest first.
pub async fn activity(handle: &str, kind: ActivityKind, cursor: Option<&str>) -> ApiResult<Page<ActivityItem>> {
    let path = format!(
        "{}/activity{}",
        member_path(handle),
        query(&[("kind", kind.as_str()), ("cursor", cursor.unwrap_or_default())])
    );
    get(&path).await
}

/// Who follows `handle` (`followers`), or whom `handle` follows.
pub async fn follows(
    handle: &str,
    followers: bool,
    cursor: Option<&str>,
    limit: u32,
) -> ApiResult<Page<MemberSummary>> {
    let list = if followers { "followers" } else { "following" };
    let limit = limit.to_string();
    let path = format!(
        "{}/{list}{}",
        member_path(handle),
        query(&[("cursor", cursor.unwrap_or_default()), ("limit", &limit)])
    );
    get(&path).await
}

pub async fn follow(handle: &str, follow: bool) -> ApiResult<FollowState> {
    let method = if follow { Method::Put } else { Method::Delete };
    client::request::<_, ()>(method, &format!("{}/follow", member_path(handle)), None, Options::default()).await
}

pub async fn set_role(handle: &str, role: CommunityRole) -> ApiResult<MemberSummary> {
    let change = RoleChange { role, access: None };
    client::request(Method::Put, &format!("{}/role", member_path(handle)), Some(&change), Options::default()).await
}

pub async fn own_settings() -> ApiResult<ProfileSettings> {
    get("/members/me/profile").await
}

pub async fn save_settings(settings: &ProfileSettings) -> ApiResult<Profile> {
    client::request(Method::Put, "/members/me/profile", Some(settings), Options::default()).await
}

/// Sets the signed-in member's picture from an image the browser holds.
pub async fn upload_avatar(image: &web_sys::Blob, content_type: &str) -> ApiResult<MemberSummary> {
    client::upload(Method::Put, "/members/me/avatar", image, content_type, Options::default()).await
}

pub async fn remove_avatar() -> ApiResult<MemberSummary> {
    client::request::<_, ()>(Method::Delete, "/members/me/avatar", None, Options::default()).await
}

pub async fn upload_photo(image: &web_sys::Blob, content_type: &str, caption: &str) -> ApiResult<Photo> {
    let path = format!("/members/me/photos{}", query(&[("caption", caption.trim())]));
    client::upload(Method::Post, &path, image, content_type, Options::default()).await
}

pub async fn update_photo(id: &str, update: &PhotoUpdate) -> ApiResult<Photo> {
    client::request(Method::Patch, &format!("/photos/{}", encode(id)), Some(update), Options::default()).await
}

pub async fn delete_photo(id: &str) -> ApiResult<()> {
    client::request::<_, ()>(Method::Delete, &format!("/photos/{}", encode(id)), None, Options::default()).await
}

pub async fn reorder_photos(ids: Vec<String>) -> ApiResult<Vec<Photo>> {
    client::request(Method::Put, "/members/me/photos/order", Some(&PhotoOrder { ids }), Options::default()).await
}

pub async fn rules() -> ApiResult<ReputationRules> {
    get("/reputation/rules").await
}

pub async fn leaderboard(period: LeaderboardPeriod) -> ApiResult<Vec<LeaderboardEntry>> {
    get(&format!("/leaderboard{}", query(&[("period", period.as_str()), ("limit", "50")]))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_queries_leave_out_what_is_not_chosen() {
        assert_eq!(DirectoryQuery::default().path(), "/members");
        let query = DirectoryQuery {
            search: " integra ".into(),
            role: Some(CommunityRole::Mentor),
            sort: Some(MemberSort::Name),
            cursor: Some("o20".into()),
            limit: Some(40),
        };
        assert_eq!(query.path(), "/members?q=integra&role=mentor&sort=name&cursor=o20&limit=40");
    }
}
