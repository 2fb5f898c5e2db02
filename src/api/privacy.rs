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

/// Deletes an account: the signed-in member's own (`handle` none), or a member's on their
/// request (staff, with the staff member's own password). Each try has its own retry key: a
/// wrong password's 422 is a stored answer, and the corrected request must not replay it.
pub async fn delete_account(handle: Option<&str>, request: &AccountDeletion) -> ApiResult<()> {
    let path = match handle {
        None => "/account/deletion".to_owned(),
        Some(handle) => format!("/members/{}/deletion", encode(handle)),
    };
    client::request(Method::Post, &path, Some(request), Options::default()).await
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
