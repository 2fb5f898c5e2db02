//! The event calendar: dates in a range, an event, its attendees, RSVPs, staff changes, `.ics`
//! files and the member's personal feed.

use veche_api::Page;
use veche_api::events::{CancelRequest, EventDetail, EventKind, FeedLink, Occurrence, ReportRequest};
use veche_api::member::MemberSummary;

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

/// Which dates a calendar view shows: whole days `from`..=`to` (`YYYY-MM-DD`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RangeQuery {
    pub from: String,
    pub to: String,
    pub kind: Option<EventKind>,
    /// Part of a city's name.
    pub city: String,
    /// Only events the member answered going, interested or waitlisted.
    pub mine: bool,
}

impl RangeQuery {
    /// The API path of this query.
    pub fn path(&self) -> String {
        format!(
            "/events{}",
            query(&[
                ("from", &self.from),
                ("to", &self.to),
                ("kind", self.kind.map(EventKind::as_str).unwrap_or_default()),
                ("city", self.city.trim()),
                ("mine", if self.mine { "true" } else { "" }),
            ])
        )
    }
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> ApiResult<T> {
    client::request::<T, ()>(Method::Get, path, None, Options::default()).await
}

pub async fn list(range: &RangeQuery) -> ApiResult<Vec<Occurrence>> {
    get(&range.path()).await
}

/// The API path of an event.
pub fn event_path(id: &str) -> String {
    format!("/events/{}", encode(id))
}

/// `?occurrence=` for one date of a series, nothing for the next date (or a one-off event).
fn occurrence_query(occurrence: &str) -> String {
    query(&[("occurrence", occurrence)])
}

pub async fn event(id: &str, occurrence: &str) -> ApiResult<EventDetail> {
    get(&format!("{}{}", event_path(id), occurrence_query(occurrence))).await
}

pub async fn attendees(id: &str, occurrence: &str) -> ApiResult<Page<MemberSummary>> {
    let occurrence = occurrence_query(occurrence);
    let separator = if occurrence.is_empty() { '?' } else { '&' };
    get(&format!("{}/attendees{occurrence}{separator}limit=50", event_path(id))).await
}

/// Where the RSVP of an event is sent (through the outbox).
pub fn rsvp_path(id: &str) -> String {
    format!("{}/rsvp", event_path(id))
}

pub async fn cancel(id: &str, request: &CancelRequest) -> ApiResult<EventDetail> {
    client::request(Method::Post, &format!("{}/cancel", event_path(id)), Some(request), Options::default()).await
}

pub async fn report(id: &str, request: &ReportRequest) -> ApiResult<EventDetail> {
    client::request(Method::Put, &format!("{}/report", event_path(id)), Some(request), Options::default()).await
}

/// Adds a photo to the event's report (staff), sent as the file's own bytes.
pub async fn add_photo(id: &str, caption: &str, file: &web_sys::File) -> ApiResult<EventDetail> {
    let path = format!("{}/photos{}", event_path(id), query(&[("caption", caption.trim())]));
    client::upload(Method::Post, &path, file, &file.type_(), Options::default()).await
}

/// The `.ics` file of an event, for a download link (absolute when the API is elsewhere).
pub fn ics_url(id: &str) -> String {
    format!("{}{}/ics", client::api_base(), event_path(id))
}

pub async fn feed_link() -> ApiResult<FeedLink> {
    get("/calendar/feed").await
}

/// A new secret address for the feed: the old one stops working.
pub async fn rotate_feed() -> ApiResult<FeedLink> {
    client::request::<FeedLink, ()>(Method::Post, "/calendar/feed/rotate", None, Options::default()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_paths_leave_out_empty_filters() {
        let range = RangeQuery { from: "2026-12-01".into(), to: "2026-12-31".into(), ..RangeQuery::default() };
        assert_eq!(range.path(), "/events?from=2026-12-01&to=2026-12-31");
        let filtered =
            RangeQuery { kind: Some(EventKind::RegionalMeeting), city: " Нижний ".into(), mine: true, ..range };
        assert_eq!(
            filtered.path(),
            "/events?from=2026-12-01&to=2026-12-31&kind=regional_meeting&city=%D0%9D%D0%B8%D0%B6%D0%BD%D0%B8%D0%B9&mine=true"
        );
    }
}
