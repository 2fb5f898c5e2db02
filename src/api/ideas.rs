use veche_api::Page;
use veche_api::ideas::{
    AllocationRequest, Ballot, BallotSummary, Idea, IdeaCategory, IdeaCounters, IdeaRef, IdeaSort, IdeaStatus,
    IdeaSummary, MergeRequest, NewBallot, Roadmap, StatusUpdate, VoteBudget,
};

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

/// Which ideas a board shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdeaQuery {
    pub status: Option<IdeaStatus>,
    pub category: String,
    pub voted: bool,
    pub search: String,
    pub sort: Option<IdeaSort>,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> ApiResult<T> {
    client::request::<T, ()>(Method::Get, path, None, Options::default()).await
}

pub async fn list(filter: &IdeaQuery) -> ApiResult<Page<IdeaSummary>> {
    let limit = filter.limit.map(|l| l.to_string()).unwrap_or_default();
    get(&format!(
        "/ideas{}",
        query(&[
            ("status", filter.status.map(|s| s.as_str()).unwrap_or_default()),
            ("category", &filter.category),
            ("voted", if filter.voted { "true" } else { "" }),
            ("q", &filter.search),
            ("sort", filter.sort.map(|s| s.as_str()).unwrap_or_default()),
            ("cursor", filter.cursor.as_deref().unwrap_or_default()),
            ("limit", &limit),
        ])
    ))
    .await
}

pub fn idea_path(id: &str) -> String {
    format!("/ideas/{}", encode(id))
}

pub async fn idea(id: &str) -> ApiResult<Idea> {
    get(&idea_path(id)).await
}

pub async fn categories() -> ApiResult<Vec<IdeaCategory>> {
    get("/idea-categories").await
}

pub async fn similar(title: &str) -> ApiResult<Vec<IdeaRef>> {
    get(&format!("/ideas/similar{}", query(&[("title", title)]))).await
}

pub async fn roadmap() -> ApiResult<Roadmap> {
    get("/ideas/roadmap").await
}

pub async fn counters() -> ApiResult<IdeaCounters> {
    get("/ideas/counters").await
}

pub async fn budget() -> ApiResult<VoteBudget> {
    get("/ideas/budget").await
}

pub async fn voters(id: &str) -> ApiResult<Page<veche_api::member::MemberSummary>> {
    get(&format!("{}/voters?limit=24", idea_path(id))).await
}

pub async fn set_status(id: &str, update: &StatusUpdate) -> ApiResult<Idea> {
    client::request(Method::Put, &format!("{}/status", idea_path(id)), Some(update), Options::default()).await
}

pub async fn merge(id: &str, request: &MergeRequest) -> ApiResult<Idea> {
    client::request(Method::Post, &format!("{}/merge", idea_path(id)), Some(request), Options::default()).await
}

pub async fn ballots() -> ApiResult<Vec<BallotSummary>> {
    get("/ballots").await
}

pub async fn ballot(id: &str) -> ApiResult<Ballot> {
    get(&format!("/ballots/{}", encode(id))).await
}

pub async fn allocate(id: &str, request: &AllocationRequest) -> ApiResult<Ballot> {
    client::request(Method::Put, &format!("/ballots/{}/allocation", encode(id)), Some(request), Options::default())
        .await
}

/// Ends an open ballot now (staff): the answer carries the results.
pub async fn close_ballot(id: &str) -> ApiResult<Ballot> {
    client::request::<Ballot, ()>(Method::Post, &format!("/ballots/{}/close", encode(id)), None, Options::default())
        .await
}

/// Publishes a ballot (staff).
pub async fn create_ballot(ballot: &NewBallot) -> ApiResult<Ballot> {
    client::request(Method::Post, "/ballots", Some(ballot), Options::default()).await
}
