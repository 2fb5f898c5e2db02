//! Reports, the moderators' queue and log, hiding and restoring.

use veche_api::Page;
use veche_api::moderation::{LogEntry, NewModerationAction, NewReport, QueueItem, Report};

use super::client::{self, ApiResult, Method, Options};
use super::url::page_path;

/// Files a report; a repeat of an open one answers that report. `key` is the action's retry key.
pub async fn report(report: &NewReport, key: String) -> ApiResult<Report> {
    client::request(Method::Post, "/reports", Some(report), Options { idempotency_key: Some(key) }).await
}

pub async fn queue(cursor: Option<String>, limit: u32) -> ApiResult<Page<QueueItem>> {
    let path = page_path("/moderation/queue", cursor, limit);
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}

/// Hides, restores or dismisses; answers the new line of the log. `key` is the action's retry key.
pub async fn act(action: &NewModerationAction, key: String) -> ApiResult<LogEntry> {
    client::request(Method::Post, "/moderation/actions", Some(action), Options { idempotency_key: Some(key) }).await
}

pub async fn log(cursor: Option<String>, limit: u32) -> ApiResult<Page<LogEntry>> {
    let path = page_path("/moderation/log", cursor, limit);
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}
