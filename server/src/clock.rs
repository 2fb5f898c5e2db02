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

/// The server's clock for what it schedules (the digests): the system's time, moved forward by
/// whatever tests ask, so a test can let a day or a week pass without waiting for it.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_seconds: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.offset_seconds.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Moves this clock (and every copy of it) `by` into the future.
    pub fn advance(&self, by: chrono::Duration) {
        self.offset_seconds.fetch_add(by.num_seconds(), std::sync::atomic::Ordering::Relaxed);
    }
}
