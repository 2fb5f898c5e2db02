use veche_api::Page;
use veche_api::threads::{
    DiscussedPeriod, KudosState, NewThread, Reply, ReplyUpdate, SolutionChoice, Space, Thread, ThreadSort,
    ThreadSummary, ThreadUpdate,
};

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

/// Which list of threads to load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadQuery {
    /// A space's slug; empty for all spaces.
    pub space: String,
    pub sort: Option<ThreadSort>,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

pub async fn spaces() -> ApiResult<Vec<Space>> {
    client::request::<_, ()>(Method::Get, "/spaces", None, Options::default()).await
}

pub async fn list(filter: &ThreadQuery) -> ApiResult<Page<ThreadSummary>> {
    let limit = filter.limit.map(|l| l.to_string()).unwrap_or_default();
    let path = format!(
        "/threads{}",
        query(&[
            ("space", &filter.space),
            ("sort", filter.sort.map(|s| s.as_str()).unwrap_or_default()),
            ("cursor", filter.cursor.as_deref().unwrap_or_default()),
            ("limit", &limit),
        ])
    );
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}

/// The threads with the most replies in the last `period`, most first.
pub async fn discussed(period: DiscussedPeriod, limit: u32) -> ApiResult<Page<ThreadSummary>> {
    let limit = limit.to_string();
    let path = format!("/threads{}", query(&[("sort", "discussed"), ("period", period.as_str()), ("limit", &limit)]));
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}

pub fn thread_path(id: &str) -> String {
    format!("/threads/{}", encode(id))
}

pub fn replies_path(thread: &str) -> String {
    format!("{}/replies", thread_path(thread))
}

pub async fn get(id: &str) -> ApiResult<Thread> {
    client::request::<_, ()>(Method::Get, &thread_path(id), None, Options::default()).await
}

pub async fn create(thread: &NewThread) -> ApiResult<Thread> {
    client::request(Method::Post, "/threads", Some(thread), Options::default()).await
}

pub async fn update(id: &str, update: &ThreadUpdate) -> ApiResult<Thread> {
    client::request(Method::Patch, &thread_path(id), Some(update), Options::default()).await
}

pub async fn delete(id: &str) -> ApiResult<Thread> {
    client::request::<_, ()>(Method::Delete, &thread_path(id), None, Options::default()).await
}

/// A page of replies: from `cursor`, or the page holding reply `around`.
pub async fn replies(thread: &str, cursor: Option<&str>, around: Option<&str>) -> ApiResult<Page<Reply>> {
    let path = format!(
        "{}{}",
        replies_path(thread),
        query(&[("cursor", cursor.unwrap_or_default()), ("around", around.unwrap_or_default())])
    );
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}

pub async fn edit_reply(id: &str, update: &ReplyUpdate) -> ApiResult<Reply> {
    client::request(Method::Patch, &format!("/replies/{}", encode(id)), Some(update), Options::default()).await
}

pub async fn delete_reply(id: &str) -> ApiResult<Reply> {
    client::request::<_, ()>(Method::Delete, &format!("/replies/{}", encode(id)), None, Options::default()).await
}

/// What kudos go to: an opening post (by thread id) or a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KudosTarget {
    Thread,
    Reply,
}

pub async fn kudos(target: KudosTarget, id: &str, give: bool) -> ApiResult<KudosState> {
    let collection = match target {
        KudosTarget::Thread => "threads",
        KudosTarget::Reply => "replies",
    };
    let method = if give { Method::Put } else { Method::Delete };
    client::request::<_, ()>(method, &format!("/{collection}/{}/kudos", encode(id)), None, Options::default()).await
}

pub async fn accept(thread: &str, reply: &str) -> ApiResult<Thread> {
    let choice = SolutionChoice { reply_id: reply.to_owned() };
    client::request(Method::Put, &format!("{}/solution", thread_path(thread)), Some(&choice), Options::default()).await
}

pub async fn unaccept(thread: &str) -> ApiResult<Thread> {
    client::request::<_, ()>(Method::Delete, &format!("{}/solution", thread_path(thread)), None, Options::default())
        .await
}
