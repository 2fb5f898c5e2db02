//! Time as the database stores it: RFC 3339 in UTC with a `Z`, so text order is time order.

use chrono::{DateTime, Utc};

pub fn format(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn now() -> String {
    format(Utc::now())
}

pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

pub fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
