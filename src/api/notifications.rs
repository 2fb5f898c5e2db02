use veche_api::Page;
use veche_api::notifications::{MailPreferences, MailSubscription, Notification, UnreadCount, UnsubscribeRequest};

use super::client::{self, ApiResult, Method, Options};
use super::url::query;

/// The API path of one page of the member's notifications.
pub fn list_path(unread_only: bool, cursor: Option<&str>, limit: u32) -> String {
    let limit = limit.to_string();
    format!(
        "/notifications{}",
        query(&[
            ("unread", if unread_only { "1" } else { "" }),
            ("cursor", cursor.unwrap_or_default()),
            ("limit", &limit)
        ])
    )
}

pub async fn list(unread_only: bool, cursor: Option<String>, limit: u32) -> ApiResult<Page<Notification>> {
    let path = list_path(unread_only, cursor.as_deref(), limit);
    client::request::<_, ()>(Method::Get, &path, None, Options::default()).await
}

pub async fn unread_count() -> ApiResult<UnreadCount> {
    client::request::<_, ()>(Method::Get, "/notifications/unread-count", None, Options::default()).await
}

pub async fn mark_read(id: &str) -> ApiResult<Notification> {
    let path = format!("/notifications/{}/read", super::url::encode(id));
    client::request::<_, ()>(Method::Post, &path, None, Options::default()).await
}

pub async fn mark_all_read() -> ApiResult<UnreadCount> {
    client::request::<_, ()>(Method::Post, "/notifications/read-all", None, Options::default()).await
}

/// What reaches the signed-in member by e-mail.
pub async fn preferences() -> ApiResult<MailPreferences> {
    client::request::<_, ()>(Method::Get, "/notifications/preferences", None, Options::default()).await
}

pub async fn save_preferences(preferences: &MailPreferences) -> ApiResult<MailPreferences> {
    client::request(Method::Put, "/notifications/preferences", Some(preferences), Options::default()).await
}

/// Switches off (or, with `on`, back on) the mail an unsubscribe link names; needs no session.
pub async fn switch_by_link(token: &str, on: bool) -> ApiResult<MailSubscription> {
    let request = UnsubscribeRequest { token: token.to_owned() };
    let path = if on { "/notifications/resubscribe" } else { "/notifications/unsubscribe" };
    client::request(Method::Post, path, Some(&request), Options::default()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_path_names_the_filter_and_the_page() {
        assert_eq!(list_path(false, None, 20), "/notifications?limit=20");
        assert_eq!(list_path(true, Some("b41"), 5), "/notifications?unread=1&cursor=b41&limit=5");
    }
}
