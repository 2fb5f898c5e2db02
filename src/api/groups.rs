//! Groups: the list, a group, joining and leaving, the admins' request queue, and the group's
//! own threads, ideas and events (the content lists with the `group` filter).

use veche_api::Page;
use veche_api::events::Occurrence;
use veche_api::groups::{Decision, Group, GroupMember, JoinRequest, RequestDecision};
use veche_api::ideas::IdeaSummary;
use veche_api::threads::ThreadSummary;

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

fn group_path(slug: &str) -> String {
    format!("/groups/{}", encode(slug))
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> ApiResult<T> {
    client::request::<_, ()>(Method::Get, path, None, Options::default()).await
}

pub async fn list() -> ApiResult<Vec<Group>> {
    get("/groups").await
}

pub async fn group(slug: &str) -> ApiResult<Group> {
    get(&group_path(slug)).await
}

pub async fn members(slug: &str) -> ApiResult<Page<GroupMember>> {
    get(&format!("{}/members?limit=100", group_path(slug))).await
}

pub async fn requests(slug: &str) -> ApiResult<Page<JoinRequest>> {
    get(&format!("{}/requests?limit=100", group_path(slug))).await
}

/// Joins an open group, or asks to join a closed one; answers the group with the new standing.
pub async fn join(slug: &str) -> ApiResult<Group> {
    client::request::<_, ()>(Method::Post, &format!("{}/join", group_path(slug)), None, Options::default()).await
}

pub async fn leave(slug: &str) -> ApiResult<()> {
    client::request::<(), ()>(Method::Delete, &format!("{}/membership", group_path(slug)), None, Options::default())
        .await
}

pub async fn decide(slug: &str, handle: &str, decision: Decision) -> ApiResult<()> {
    let path = format!("{}/requests/{}", group_path(slug), encode(handle));
    client::request::<(), _>(Method::Put, &path, Some(&RequestDecision { decision }), Options::default()).await
}

/// The group's threads, newest activity first.
pub async fn threads(slug: &str) -> ApiResult<Page<ThreadSummary>> {
    get(&format!("/threads{}", query(&[("group", slug), ("limit", "20")]))).await
}

pub async fn ideas(slug: &str) -> ApiResult<Page<IdeaSummary>> {
    get(&format!("/ideas{}", query(&[("group", slug), ("sort", "newest"), ("limit", "20")]))).await
}

/// The group's event dates between two days (`YYYY-MM-DD`).
pub async fn events(slug: &str, from: &str, to: &str) -> ApiResult<Vec<Occurrence>> {
    get(&format!("/events{}", query(&[("from", from), ("to", to), ("group", slug)]))).await
}
