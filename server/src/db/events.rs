//! Events, RSVPs with capacity and a waitlist, reports and photos, calendar feeds.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::events::{EventInput, EventKind, EventPhoto, Recurrence, RsvpStatus};
use veche_api::notifications::NotificationKind;

use super::Db;
use super::notifications::{self, NewNotification};
use super::page_of;
use super::profiles::media_path;
use super::threads::{AUTHOR_COLUMNS, author};
use super::visibility::Reader;
use crate::recurrence::{Series, occurrences, to_utc};
use crate::{clock, tokens};

pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

#[derive(Clone, Debug)]
pub struct EventRow {
    pub id: i64,
    pub title: String,
    pub kind: EventKind,
    pub description: String,
    pub organizer: veche_api::member::MemberSummary,
    pub organizer_id: i64,
    pub zone: Tz,
    pub starts_local: NaiveDateTime,
    pub ends_local: NaiveDateTime,
    pub all_day: bool,
    pub city: Option<String>,
    pub region: Option<String>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i64>,
    pub recurrence: Option<Recurrence>,
    pub cancelled_at: Option<String>,
    pub cancel_reason: Option<String>,
    pub report: Option<String>,
    pub updated_at: String,
    /// The group the event belongs to.
    pub group_id: Option<i64>,
}

impl EventRow {
    pub fn series(&self) -> Series {
        Series {
            start_local: self.starts_local,
            duration: self.ends_local - self.starts_local,
            zone: self.zone,
            recurrence: self.recurrence.clone(),
        }
    }

    /// Dates overlapping `[from, to)`.
    pub fn dates(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        occurrences(&self.series(), from, to)
    }

    pub fn is_series(&self) -> bool {
        self.recurrence.is_some()
    }
}

const EVENT_SELECT: &str = "SELECT e.id, e.title, e.kind, e.description, e.organizer_id, e.time_zone, e.starts_local,
       e.ends_local, e.all_day, e.city, e.region, e.address, e.online_url, e.capacity, e.recurrence,
       e.cancelled_at, e.cancel_reason, e.report, e.updated_at, e.group_id";

fn event_row(row: &SqliteRow) -> EventRow {
    let local = |column: &str| NaiveDateTime::parse_from_str(row.get(column), LOCAL_FORMAT).unwrap_or_default();
    EventRow {
        id: row.get("id"),
        title: row.get("title"),
        kind: EventKind::parse(row.get("kind")),
        description: row.get("description"),
        organizer: author(row),
        organizer_id: row.get("organizer_id"),
        zone: row.get::<&str, _>("time_zone").parse().unwrap_or(Tz::UTC),
        starts_local: local("starts_local"),
        ends_local: local("ends_local"),
        all_day: row.get("all_day"),
        city: row.get("city"),
        region: row.get("region"),
        address: row.get("address"),
        online_url: row.get("online_url"),
        capacity: row.get("capacity"),
        recurrence: row.get::<Option<String>, _>("recurrence").and_then(|r| serde_json::from_str(&r).ok()),
        cancelled_at: row.get("cancelled_at"),
        cancel_reason: row.get("cancel_reason"),
        report: row.get("report"),
        updated_at: row.get("updated_at"),
        group_id: row.get("group_id"),
    }
}

/// Where the line stands for one date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    pub going: i64,
    pub waitlisted: i64,
}

/// A checked event, ready to store.
pub struct EventRecord<'a> {
    pub input: &'a EventInput,
    pub kind: EventKind,
    pub zone: Tz,
    pub starts_local: NaiveDateTime,
    pub ends_local: NaiveDateTime,
}

/// Members who answered going, interested or waitlisted for any date of an event: those whom
/// a change or a cancellation concerns.
async fn answered_members(connection: &mut sqlx::SqliteConnection, event: i64) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT member_id FROM rsvps WHERE event_id = ? AND status IN ('going', 'interested', 'waitlisted')",
    )
    .bind(event)
    .fetch_all(connection)
    .await?)
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

impl Db {
    /// Every event of a group the reader may read (or of none).
    pub async fn events(&self, reader: Reader) -> anyhow::Result<Vec<EventRow>> {
        let sql = format!(
            "{EVENT_SELECT}, {AUTHOR_COLUMNS} FROM events e JOIN members a ON a.id = e.organizer_id
             WHERE {} ORDER BY e.starts_at, e.id",
            reader.visible("e.group_id")
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *self.conn().await?).await?;
        Ok(rows.iter().map(event_row).collect())
    }

    pub async fn event(&self, id: i64) -> anyhow::Result<Option<EventRow>> {
        let sql = format!(
            "{EVENT_SELECT}, {AUTHOR_COLUMNS} FROM events e JOIN members a ON a.id = e.organizer_id WHERE e.id = ?"
        );
        let row = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *self.conn().await?).await?;
        Ok(row.as_ref().map(event_row))
    }

    /// The event with this exact title (the demo seed finds its own events by title).
    pub async fn event_by_title(&self, title: &str) -> anyhow::Result<Option<EventRow>> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM events WHERE title = ?")
            .bind(title)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        match id {
            Some(id) => self.event(id).await,
            None => Ok(None),
        }
    }

    pub async fn save_event(&self, id: Option<i64>, record: &EventRecord<'_>, organizer: i64) -> anyhow::Result<i64> {
        let input = record.input;
        let now = clock::now();
        let starts_at = clock::format(to_utc(record.starts_local, record.zone));
        let ends_at = clock::format(to_utc(record.ends_local, record.zone));
        let recurrence = input.recurrence.as_ref().map(|r| serde_json::to_string(r).unwrap_or_default());
        // One statement for both: a new event, or new details for an existing one (whose
        // organizer and creation time stay).
        let query = sqlx::query(
            "INSERT INTO events (id, title, kind, description, organizer_id, time_zone, starts_local, ends_local, starts_at, ends_at,
                                 all_day, city, region, address, online_url, capacity, recurrence, created_at, updated_at)
             VALUES (?18, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, description = excluded.description,
                time_zone = excluded.time_zone, starts_local = excluded.starts_local, ends_local = excluded.ends_local,
                starts_at = excluded.starts_at, ends_at = excluded.ends_at, all_day = excluded.all_day, city = excluded.city,
                region = excluded.region, address = excluded.address, online_url = excluded.online_url,
                capacity = excluded.capacity, recurrence = excluded.recurrence, updated_at = excluded.updated_at",
        );
        let done = query
            .bind(input.title.trim())
            .bind(record.kind.as_str())
            .bind(input.description.trim())
            .bind(organizer)
            .bind(record.zone.name())
            .bind(record.starts_local.format(LOCAL_FORMAT).to_string())
            .bind(record.ends_local.format(LOCAL_FORMAT).to_string())
            .bind(starts_at)
            .bind(ends_at)
            .bind(input.all_day)
            .bind(optional(&input.city))
            .bind(optional(&input.region))
            .bind(optional(&input.address))
            .bind(optional(&input.online_url))
            .bind(input.capacity)
            .bind(recurrence)
            .bind(&now)
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(id.unwrap_or_else(|| done.last_insert_rowid()))
    }

    /// Cancels an event (it stays visible, struck through, with the reason); tells those going.
    pub async fn cancel_event(&self, id: i64, reason: &str) -> anyhow::Result<()> {
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE events SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?")
            .bind(&now)
            .bind(reason.trim())
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let (title, group_id): (String, Option<i64>) =
            sqlx::query_as("SELECT title, group_id FROM events WHERE id = ?").bind(id).fetch_one(&mut *tx).await?;
        let concerned = answered_members(&mut tx, id).await?;
        let notification = NewNotification {
            kind: NotificationKind::EventCancelled,
            title: &title,
            text: reason,
            link: &format!("/events/{id}"),
            actor_id: None,
            group_id,
        };
        notifications::insert(&mut tx, &self.mail_links, &concerned, &notification).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Tells those who answered the event (not `actor`, who made the change) that its time or
    /// place changed; `what_changed` is the new time or place, in words.
    pub async fn tell_event_change(&self, event: &EventRow, what_changed: &str, actor: i64) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let mut concerned = answered_members(&mut tx, event.id).await?;
        concerned.retain(|member| *member != actor);
        let notification = NewNotification {
            kind: NotificationKind::EventChanged,
            title: &event.title,
            text: what_changed,
            link: &format!("/events/{}", event.id),
            actor_id: Some(actor),
            group_id: event.group_id,
        };
        notifications::insert(&mut tx, &self.mail_links, &concerned, &notification).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_report(&self, id: i64, report: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE events SET report = ?, updated_at = ? WHERE id = ?")
            .bind(optional(report))
            .bind(clock::now())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn add_event_photo(&self, event: i64, upload: &str, caption: &str) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO event_photos (event_id, upload_id, caption, position)
             SELECT ?1, ?2, ?3, COALESCE(MAX(position), -1) + 1 FROM event_photos WHERE event_id = ?1",
        )
        .bind(event)
        .bind(upload)
        .bind(caption.trim())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    pub async fn event_photos(&self, event: i64) -> anyhow::Result<Vec<EventPhoto>> {
        let rows = sqlx::query(
            "SELECT p.upload_id, p.caption, u.width, u.height FROM event_photos p JOIN uploads u ON u.id = p.upload_id
             WHERE p.event_id = ? ORDER BY p.position",
        )
        .bind(event)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|r| EventPhoto {
                url: media_path(r.get("upload_id")),
                caption: r.get("caption"),
                width: r.get("width"),
                height: r.get("height"),
            })
            .collect())
    }

    /// Going and waitlisted for one date (answers for the whole series count for every date).
    pub async fn attendance(&self, event: i64, occurrence: &str) -> anyhow::Result<Attendance> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(status = 'going'), 0) AS going, COALESCE(SUM(status = 'waitlisted'), 0) AS waitlisted
             FROM rsvps WHERE event_id = ? AND occurrence IN (?, '')",
        )
        .bind(event)
        .bind(occurrence)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok(Attendance { going: row.get("going"), waitlisted: row.get("waitlisted") })
    }

    /// The member's answer for a date: their answer for that date, else for the whole series.
    pub async fn my_rsvp(
        &self,
        event: i64,
        occurrence: &str,
        member: i64,
    ) -> anyhow::Result<Option<(RsvpStatus, Option<i64>)>> {
        let row = sqlx::query(
            "SELECT status, occurrence, since FROM rsvps WHERE event_id = ? AND member_id = ? AND occurrence IN (?, '')
             ORDER BY occurrence DESC LIMIT 1",
        )
        .bind(event)
        .bind(member)
        .bind(occurrence)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let status = RsvpStatus::parse(row.get("status"));
        let position = if status == RsvpStatus::Waitlisted {
            let ahead: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM rsvps WHERE event_id = ? AND occurrence = ? AND status = 'waitlisted'
                   AND (since < ? OR (since = ? AND member_id < ?))",
            )
            .bind(event)
            .bind(row.get::<String, _>("occurrence"))
            .bind(row.get::<String, _>("since"))
            .bind(row.get::<String, _>("since"))
            .bind(member)
            .fetch_one(&mut *self.conn().await?)
            .await?;
            Some(ahead + 1)
        } else {
            None
        };
        Ok(Some((status, position)))
    }

    /// Records an answer. One transaction that starts by writing, so it holds the write lock
    /// while it counts: "going" beyond the capacity becomes "waitlisted", capacity is never
    /// exceeded, and when someone stops going the first in line gets the place (and a
    /// notification). Answers the member's resulting status.
    pub async fn rsvp(
        &self,
        event: &EventRow,
        occurrence: &str,
        member: i64,
        wanted: RsvpStatus,
    ) -> anyhow::Result<RsvpStatus> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE events SET updated_at = updated_at WHERE id = ?").bind(event.id).execute(&mut *tx).await?;
        // The line's order, read once the write lock is held: to the microsecond, so answers
        // within one second keep the order they came in.
        let since = Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
        let current: Option<String> =
            sqlx::query_scalar("SELECT status FROM rsvps WHERE event_id = ? AND occurrence = ? AND member_id = ?")
                .bind(event.id)
                .bind(occurrence)
                .bind(member)
                .fetch_optional(&mut *tx)
                .await?;
        let current = current.map(|c| RsvpStatus::parse(&c));
        let status = match wanted {
            RsvpStatus::Going if matches!(current, Some(RsvpStatus::Going) | Some(RsvpStatus::Waitlisted)) => {
                current.unwrap_or(RsvpStatus::Going)
            }
            RsvpStatus::Going => {
                let going: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM rsvps WHERE event_id = ? AND occurrence IN (?, '') AND status = 'going'",
                )
                .bind(event.id)
                .bind(occurrence)
                .fetch_one(&mut *tx)
                .await?;
                if event.capacity.is_some_and(|capacity| going >= capacity) {
                    RsvpStatus::Waitlisted
                } else {
                    RsvpStatus::Going
                }
            }
            other => other,
        };
        if current != Some(status) {
            sqlx::query(
                "INSERT INTO rsvps (event_id, occurrence, member_id, status, since) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (event_id, occurrence, member_id) DO UPDATE SET status = excluded.status, since = excluded.since",
            )
            .bind(event.id)
            .bind(occurrence)
            .bind(member)
            .bind(status.as_str())
            .bind(&since)
            .execute(&mut *tx)
            .await?;
        }
        // A place came free: the first in line goes.
        if current == Some(RsvpStatus::Going) && status != RsvpStatus::Going && event.capacity.is_some() {
            let next: Option<i64> = sqlx::query_scalar(
                "SELECT member_id FROM rsvps WHERE event_id = ? AND occurrence = ? AND status = 'waitlisted'
                 ORDER BY since, member_id LIMIT 1",
            )
            .bind(event.id)
            .bind(occurrence)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(next) = next {
                sqlx::query("UPDATE rsvps SET status = 'going', since = ? WHERE event_id = ? AND occurrence = ? AND member_id = ?")
                    .bind(&since)
                    .bind(event.id)
                    .bind(occurrence)
                    .bind(next)
                    .execute(&mut *tx)
                    .await?;
                let notification = NewNotification {
                    kind: NotificationKind::WaitlistPromoted,
                    title: &event.title,
                    text: "",
                    link: &format!("/events/{}", event.id),
                    actor_id: None,
                    group_id: event.group_id,
                };
                notifications::insert(&mut tx, &self.mail_links, &[next], &notification).await?;
            }
        }
        tx.commit().await?;
        Ok(status)
    }

    /// Members going to a date.
    pub async fn attendees(
        &self,
        event: i64,
        occurrence: &str,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<super::MemberRow>, bool)> {
        let columns = super::members::member_columns_of("m");
        let rows: Vec<super::MemberRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT DISTINCT {columns} FROM rsvps r JOIN members m ON m.id = r.member_id
             WHERE r.event_id = ? AND r.occurrence IN (?, '') AND r.status = 'going' ORDER BY m.display_name LIMIT ? OFFSET ?"
        )))
        .bind(event)
        .bind(occurrence)
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(page_of(rows, limit))
    }

    /// Events a member answered, with the dates (or '' for series/one-off) and statuses.
    pub async fn member_rsvps(&self, member: i64) -> anyhow::Result<Vec<(i64, String, RsvpStatus)>> {
        let rows = sqlx::query("SELECT event_id, occurrence, status FROM rsvps WHERE member_id = ?")
            .bind(member)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows.iter().map(|r| (r.get("event_id"), r.get("occurrence"), RsvpStatus::parse(r.get("status")))).collect())
    }

    /// Going counts of every date of these events, keyed by (event, occurrence).
    pub async fn going_counts(&self) -> anyhow::Result<Vec<(i64, String, i64)>> {
        let rows = sqlx::query("SELECT event_id, occurrence, COUNT(*) AS going FROM rsvps WHERE status = 'going' GROUP BY event_id, occurrence")
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows.iter().map(|r| (r.get("event_id"), r.get("occurrence"), r.get("going"))).collect())
    }

    /// The member's feed token, made on first use.
    pub async fn feed_token(&self, member: i64, rotate: bool) -> anyhow::Result<String> {
        if !rotate
            && let Some(token) = sqlx::query_scalar::<_, String>("SELECT token FROM calendar_feeds WHERE member_id = ?")
                .bind(member)
                .fetch_optional(&mut *self.conn().await?)
                .await?
        {
            return Ok(token);
        }
        let token = tokens::random_token(24);
        sqlx::query(
            "INSERT INTO calendar_feeds (member_id, token, created_at) VALUES (?, ?, ?)
             ON CONFLICT (member_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
        )
        .bind(member)
        .bind(&token)
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(token)
    }

    pub async fn feed_owner(&self, token: &str) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT member_id FROM calendar_feeds WHERE token = ?")
            .bind(token)
            .fetch_optional(&mut *self.conn().await?)
            .await?)
    }
}
