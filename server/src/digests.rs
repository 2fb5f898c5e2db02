//! The digests the server schedules: each day, the notifications members get "in a daily
//! digest", one mail per member; each week, the community digest for those who opted in. Days
//! and weeks are the community's (its time zone). Each member's digest of a period is recorded
//! with its mail in one transaction (`digest_runs`), so a period is never sent twice, also
//! across a restart; the time comes from the server's [`Clock`], which tests move forward.

use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::clock::{self, Clock};
use crate::db::Db;

/// What is due at one moment: the daily period that ended and the week that ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuePeriods {
    /// `daily:YYYY-MM-DD`, the community's yesterday.
    pub daily: String,
    /// The start of the community's today (UTC): notifications before it go in the digest.
    pub daily_before: String,
    /// `weekly:YYYY-Www`, the ISO week that ended last.
    pub weekly: String,
    /// That week's start and end (UTC).
    pub week: (String, String),
}

/// The start of `day` in `zone`, in UTC (the first moment of the day, also on a DST change).
fn start_of(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    zone.from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| Utc.from_utc_datetime(&midnight), |local| local.with_timezone(&Utc))
}

/// The periods that have ended at `now` in the community's `zone`.
pub fn due_periods(now: DateTime<Utc>, zone: Tz) -> DuePeriods {
    let today = now.with_timezone(&zone).date_naive();
    let yesterday = today - chrono::Duration::days(1);
    let this_monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let last_monday = this_monday - chrono::Duration::days(7);
    let week = last_monday.iso_week();
    DuePeriods {
        daily: format!("daily:{yesterday}"),
        daily_before: clock::format(start_of(today, zone)),
        weekly: format!("weekly:{}-W{:02}", week.year(), week.week()),
        week: (clock::format(start_of(last_monday, zone)), clock::format(start_of(this_monday, zone))),
    }
}

/// Queues every digest due at `now` that was not sent yet; answers how many mails were queued.
pub async fn run_due(db: &Db, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let zone: Tz = db.community().await?.and_then(|c| c.time_zone.parse().ok()).unwrap_or(Tz::UTC);
    let due = due_periods(now, zone);
    let mut queued = 0;
    for member in db.members_awaiting_daily_digest(&due.daily_before).await? {
        if let Some(digest) = db.daily_digest(member, &due.daily, &due.daily_before).await?
            && db.record_digest(&digest).await?
            && digest.mail.is_some()
        {
            queued += 1;
        }
    }
    for member in db.weekly_digest_members(&due.week.1).await? {
        let week = (due.week.0.as_str(), due.week.1.as_str());
        if let Some(digest) = db.weekly_digest(member, &due.weekly, week, now).await?
            && db.record_digest(&digest).await?
            && digest.mail.is_some()
        {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Looks for due digests every `every` until `stop` turns true, ringing `mail_queued` when it
/// queued any.
pub fn spawn(
    db: Db,
    clock: Clock,
    mail_queued: std::sync::Arc<tokio::sync::Notify>,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if *stop.borrow() {
                break;
            }
            match run_due(&db, clock.now()).await {
                Ok(0) => {}
                Ok(count) => {
                    tracing::info!(count, "digests queued");
                    mail_queued.notify_one();
                }
                Err(error) => tracing::error!(error = %format!("{error:#}"), "digests failed; trying again later"),
            }
            tokio::select! {
                _ = stop.changed() => {}
                _ = tokio::time::sleep(every) => {}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        clock::parse(text).expect("a time")
    }

    #[test]
    fn yesterday_and_last_week_are_due_in_the_communitys_zone() {
        // Wednesday 9 December 2026, 01:30 in Moscow (22:30 UTC on the 8th).
        let due = due_periods(at("2026-12-08T22:30:00Z"), chrono_tz::Europe::Moscow);
        assert_eq!(due.daily, "daily:2026-12-08");
        assert_eq!(due.daily_before, "2026-12-08T21:00:00Z");
        assert_eq!(due.weekly, "weekly:2026-W49");
        assert_eq!(due.week, ("2026-11-29T21:00:00Z".to_owned(), "2026-12-06T21:00:00Z".to_owned()));
    }

    #[test]
    fn a_monday_makes_the_week_before_due() {
        let due = due_periods(at("2026-12-07T00:00:00Z"), Tz::UTC);
        assert_eq!(due.weekly, "weekly:2026-W49");
        assert_eq!(due.week.1, "2026-12-07T00:00:00Z");
        let sunday = due_periods(at("2026-12-06T23:59:59Z"), Tz::UTC);
        assert_eq!(sunday.weekly, "weekly:2026-W48");
    }
}
