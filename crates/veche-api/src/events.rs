//! The event calendar: events (one-off or recurring), RSVPs with capacity and a waitlist,
//! reports, and the calendar feed.

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::validate::{self, FieldErrors, Issue};

crate::open_enum! {
    pub enum EventKind {
        Meetup = "meetup",
        RegionalMeeting = "regional_meeting",
        Exhibition = "exhibition",
        Webinar = "webinar",
    }
}

crate::open_enum! {
    /// How often a series repeats.
    pub enum Frequency {
        Weekly = "weekly",
        /// Monthly on the same day of the month (e.g. the 14th).
        MonthlyByDate = "monthly_by_date",
        /// Monthly on the same weekday (e.g. the second Tuesday).
        MonthlyByWeekday = "monthly_by_weekday",
    }
}

/// A series: every `interval` weeks or months, until a date or for a number of times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub frequency: Frequency,
    /// 1 = every week/month, 2 = every other…
    #[serde(default = "one")]
    pub interval: u32,
    /// Last day (in the event's time zone), `YYYY-MM-DD`.
    #[serde(default)]
    pub until: Option<String>,
    /// How many times in all.
    #[serde(default)]
    pub count: Option<u32>,
}

fn one() -> u32 {
    1
}

crate::open_enum! {
    /// A member's answer, and where the server put it.
    pub enum RsvpStatus {
        Going = "going",
        /// Wanted to go, but the event is full: in line for a place.
        Waitlisted = "waitlisted",
        Interested = "interested",
        NotGoing = "not_going",
    }
}

/// One date of an event in a calendar view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    pub event_id: String,
    pub title: String,
    pub kind: EventKind,
    /// Start and end instants (UTC).
    pub starts_at: String,
    pub ends_at: String,
    pub all_day: bool,
    /// IANA name of the event's own time zone.
    pub time_zone: String,
    #[serde(default)]
    pub city: Option<String>,
    pub online: bool,
    pub cancelled: bool,
    pub recurring: bool,
    #[serde(default)]
    pub capacity: Option<i64>,
    pub going_count: i64,
    /// The viewer's answer for this date, if any.
    #[serde(default)]
    pub my_status: Option<RsvpStatus>,
}

/// What the viewer may do with an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventPermissions {
    pub rsvp: bool,
    /// Edit, cancel, post the report (staff).
    pub manage: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPhoto {
    pub url: String,
    pub caption: String,
    pub width: i64,
    pub height: i64,
}

/// `GET /events/{id}?occurrence=`: an event, at one of its dates for a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    /// Markdown.
    pub description: String,
    pub organizer: MemberSummary,
    pub starts_at: String,
    pub ends_at: String,
    /// The event's own start and end on its zone's wall clock (`YYYY-MM-DDTHH:MM`): the first
    /// date for a series. What an edit starts from.
    pub starts_local: String,
    pub ends_local: String,
    pub all_day: bool,
    pub time_zone: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    pub online: bool,
    /// The join link: only for members who are going.
    #[serde(default)]
    pub online_url: Option<String>,
    #[serde(default)]
    pub capacity: Option<i64>,
    pub going_count: i64,
    pub waitlist_count: i64,
    #[serde(default)]
    pub recurrence: Option<Recurrence>,
    /// The viewer's answer for this date (or the whole series).
    #[serde(default)]
    pub my_status: Option<RsvpStatus>,
    /// 1 = next in line.
    #[serde(default)]
    pub waitlist_position: Option<i64>,
    pub cancelled: bool,
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// After the event: what happened (markdown), with photos.
    #[serde(default)]
    pub report: Option<String>,
    pub photos: Vec<EventPhoto>,
    pub permissions: EventPermissions,
    /// The group the content belongs to; absent for community-wide content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<crate::groups::GroupRef>,
    /// The knowledge-base article made from the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<crate::kb::Link>,
}

/// `PUT /events/{id}/rsvp`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RsvpRequest {
    /// `going`, `interested` or `not_going` (waitlisting is the server's answer to `going`).
    pub status: RsvpStatus,
    /// The date of a series this is for; absent for one-off events, or to answer for the whole
    /// series (only series without a capacity).
    #[serde(default)]
    pub occurrence: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RsvpState {
    pub status: RsvpStatus,
    #[serde(default)]
    pub waitlist_position: Option<i64>,
    pub going_count: i64,
    #[serde(default)]
    pub capacity: Option<i64>,
}

/// `POST /events` and `PUT /events/{id}` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventInput {
    pub title: String,
    pub kind: String,
    #[serde(default)]
    pub description: String,
    /// Local date and time in `time_zone`: `YYYY-MM-DDTHH:MM`.
    pub starts_local: String,
    pub ends_local: String,
    #[serde(default)]
    pub all_day: bool,
    pub time_zone: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub online_url: String,
    #[serde(default)]
    pub capacity: Option<i64>,
    #[serde(default)]
    pub recurrence: Option<Recurrence>,
    /// The group the event belongs to (its members alone see it when the group is closed or
    /// secret); absent for the whole community.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

/// `POST /events/{id}/cancel` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelRequest {
    pub reason: String,
}

/// `PUT /events/{id}/report` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    pub report: String,
}

/// `GET /calendar/feed`: the member's personal feed of events they are going to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedLink {
    pub url: String,
    /// The same feed for calendar apps (`webcal://`).
    pub webcal_url: String,
}

pub const TITLE_MAX: usize = 150;
pub const DESCRIPTION_MAX: usize = 10_000;
/// Longest city or region name (also the longest `city` filter).
pub const PLACE_MAX: usize = 80;

/// Checks what does not need the time zone database (the server checks the zone and dates).
pub fn check_event(input: &EventInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("title", validate::text(&input.title, 3, TITLE_MAX));
    if EventKind::parse_known(&input.kind).is_none() {
        errors.add("kind", Issue::Invalid);
    }
    errors.check("description", validate::optional_text(&input.description, DESCRIPTION_MAX));
    errors.check("city", validate::optional_text(&input.city, PLACE_MAX));
    errors.check("region", validate::optional_text(&input.region, PLACE_MAX));
    errors.check("address", validate::optional_text(&input.address, 200));
    let url = input.online_url.trim();
    if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
        errors.add("online_url", Issue::Invalid);
    }
    if let Some(capacity) = input.capacity
        && !(1..=100_000).contains(&capacity)
    {
        errors.add("capacity", Issue::OutOfRange { min: 1, max: 100_000 });
    }
    if let Some(recurrence) = &input.recurrence {
        if recurrence.frequency == Frequency::Unknown {
            errors.add("recurrence.frequency", Issue::Invalid);
        }
        if !(1..=12).contains(&recurrence.interval) {
            errors.add("recurrence.interval", Issue::OutOfRange { min: 1, max: 12 });
        }
        if recurrence.until.is_none() && recurrence.count.is_none() {
            errors.add("recurrence.count", Issue::Required);
        }
        if recurrence.count.is_some_and(|c| !(1..=200).contains(&c)) {
            errors.add("recurrence.count", Issue::OutOfRange { min: 1, max: 200 });
        }
    }
    errors
}

/// Where a map service shows an address.
pub fn map_link(address: &str, city: &str) -> String {
    let query: String = [address, city].iter().filter(|s| !s.trim().is_empty()).copied().collect::<Vec<_>>().join(", ");
    let mut encoded = String::new();
    for byte in query.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("https://www.openstreetmap.org/search?query={encoded}")
}

/// A Google Calendar "add event" link for UTC instants (`YYYYMMDDTHHMMSSZ`).
pub fn google_calendar_link(title: &str, start_utc: &str, end_utc: &str, details: &str, location: &str) -> String {
    let compact = |t: &str| t.replace(['-', ':'], "");
    let encode = |text: &str| {
        let mut out = String::new();
        for byte in text.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    };
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}",
        encode(title),
        compact(start_utc),
        compact(end_utc),
        encode(details),
        encode(location)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_links_are_encoded() {
        let link = google_calendar_link("Встреча & Q&A", "2026-12-01T15:00:00Z", "2026-12-01T17:00:00Z", "", "Kazan");
        assert!(link.contains("dates=20261201T150000Z/20261201T170000Z"));
        assert!(link.contains("text=%D0%92"));
        assert!(link.contains("%26%20Q%26A"));
        assert_eq!(
            map_link("ул. Баумана, 1", "Kazan"),
            "https://www.openstreetmap.org/search?query=%D1%83%D0%BB.%20%D0%91%D0%B0%D1%83%D0%BC%D0%B0%D0%BD%D0%B0%2C%201%2C%20Kazan"
        );
    }

    #[test]
    fn events_need_a_title_a_kind_and_a_bounded_series() {
        let input = EventInput {
            title: "Hi".into(),
            kind: "party".into(),
            online_url: "javascript:alert(1)".into(),
            capacity: Some(0),
            recurrence: Some(Recurrence { frequency: Frequency::Weekly, interval: 1, until: None, count: None }),
            ..EventInput::default()
        };
        let errors = check_event(&input);
        for field in ["title", "kind", "online_url", "capacity", "recurrence.count"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
