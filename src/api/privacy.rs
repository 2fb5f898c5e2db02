//! A member's own data: the archive, deleting the account, and the staff's side (the
//! community's choice for deleted members' content, requests, the log).

use veche_api::Page;
use veche_api::privacy::{AccountDeletion, PrivacyLogEntry, PrivacySettings};

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, page_path};

/// Where the signed-in member's archive downloads from (a plain link: the browser saves it).
pub fn my_archive_url() -> String {
    format!("{}/account/export", client::api_base())
}

/// Where staff download a member's archive on their request.
pub fn member_archive_url(handle: &str) -> String {
    format!("{}/members/{}/export", client::api_base(), encode(handle))
}

/// Deletes the signed-in member's account. `key` is the action's retry key.
pub async fn delete_my_account(request: &AccountDeletion, key: String) -> ApiResult<()> {
    client::request(Method::Post, "/account/deletion", Some(request), Options { idempotency_key: Some(key) }).await
}

/// Deletes a member's account on their request (staff; the staff member's own password).
pub async fn delete_member_account(handle: &str, request: &AccountDeletion, key: String) -> ApiResult<()> {
    let path = format!("/members/{}/deletion", encode(handle));
    client::request(Method::Post, &path, Some(request), Options { idempotency_key: Some(key) }).await
}

pub async fn settings() -> ApiResult<PrivacySettings> {
    client::request::<_, ()>(Method::Get, "/privacy", None, Options::default()).await
}

pub async fn update_settings(settings: &PrivacySettings) -> ApiResult<PrivacySettings> {
    client::request(Method::Put, "/privacy", Some(settings), Options::default()).await
}

pub async fn log(cursor: Option<String>, limit: u32) -> ApiResult<Page<PrivacyLogEntry>> {
    client::request::<_, ()>(Method::Get, &page_path("/privacy/log", cursor, limit), None, Options::default()).await
}
