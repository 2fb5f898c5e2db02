//! The live stream's log (`stream_events`, migration 0027): events are written here in the
//! transaction of the change that causes them, read back in order by the one fan-out task
//! (`stream::Hub`) and by a reconnecting stream replaying what it missed.

use sqlx::{Row, SqliteConnection};
use veche_api::ideas::IdeaStatus;
use veche_api::stream::{PostChange, StreamEvent, StreamKind};

use super::Db;
use crate::clock;

/// Kind of the rows that tell open streams someone's access changed (a membership, a role, a
/// group's kind, a session ended); never sent to a client.
pub const ACCESS_CHANGED: &str = "access_changed";

/// An event as stored: what it says and who may receive it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    pub id: i64,
    pub kind: String,
    /// The content's group; `None`: community-wide.
    pub group_id: Option<i64>,
    /// For this member alone (their notifications; for [`ACCESS_CHANGED`]: whose access;
    /// `None` there: everyone's).
    pub member_id: Option<i64>,
    /// About hidden content: only moderators and staff.
    pub moderators_only: bool,
    /// The [`StreamEvent`] as JSON.
    pub data: String,
}

/// What a change's event is about, for choosing its audience inside the same transaction.
pub enum About {
    /// A thread (its group; moderators only while the thread is hidden).
    Thread(i64),
    /// An idea (its group; moderators only while hidden).
    Idea(i64),
    /// An event (its group).
    Event(i64),
    /// One member alone.
    Member(i64),
}

/// Writes `event` into the log on `connection` (the caller's transaction).
pub async fn emit(connection: &mut SqliteConnection, about: About, event: &StreamEvent) -> anyhow::Result<()> {
    let kind = event.kind().as_str();
    let data = serde_json::to_string(event)?;
    let (sql, id) = match about {
        About::Thread(id) => (
            "INSERT INTO stream_events (kind, group_id, member_id, moderators_only, data, created_at)
             SELECT ?, group_id, NULL, hidden_at IS NOT NULL, ?, ? FROM threads WHERE id = ?",
            id,
        ),
        About::Idea(id) => (
            "INSERT INTO stream_events (kind, group_id, member_id, moderators_only, data, created_at)
             SELECT ?, group_id, NULL, hidden_at IS NOT NULL, ?, ? FROM ideas WHERE id = ?",
            id,
        ),
        About::Event(id) => (
            "INSERT INTO stream_events (kind, group_id, member_id, moderators_only, data, created_at)
             SELECT ?, group_id, NULL, 0, ?, ? FROM events WHERE id = ?",
            id,
        ),
        About::Member(id) => (
            "INSERT INTO stream_events (kind, group_id, member_id, moderators_only, data, created_at)
             VALUES (?, NULL, ?4, 0, ?2, ?3)",
            id,
        ),
    };
    sqlx::query(sql).bind(kind).bind(data).bind(clock::now()).bind(id).execute(connection).await?;
    Ok(())
}

/// Tells open streams that `member`'s access changed (`None`: everyone's), on `connection`.
pub async fn access_changed(connection: &mut SqliteConnection, member: Option<i64>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO stream_events (kind, group_id, member_id, moderators_only, data, created_at)
         VALUES (?, NULL, ?, 0, '{}', ?)",
    )
    .bind(ACCESS_CHANGED)
    .bind(member)
    .bind(clock::now())
    .execute(connection)
    .await?;
    Ok(())
}

/// How many events the log keeps at most, and for how long: a tab away for longer reads the
/// page again (a `reset` event) instead of replaying.
pub const KEEP_EVENTS: i64 = 10_000;
pub const KEEP_HOURS: i64 = 24;

impl Db {
    /// Events after `after`, oldest first, at most `limit`.
    pub async fn stream_events_after(&self, after: i64, limit: i64) -> anyhow::Result<Vec<StoredEvent>> {
        let rows = sqlx::query(
            "SELECT id, kind, group_id, member_id, moderators_only, data FROM stream_events
             WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|row| StoredEvent {
                id: row.get("id"),
                kind: row.get("kind"),
                group_id: row.get("group_id"),
                member_id: row.get("member_id"),
                moderators_only: row.get("moderators_only"),
                data: row.get("data"),
            })
            .collect())
    }

    /// The newest event's id (0: none yet), and the oldest one still kept.
    pub async fn stream_bounds(&self) -> anyhow::Result<(i64, Option<i64>)> {
        let row = sqlx::query("SELECT COALESCE(MAX(id), 0) AS newest, MIN(id) AS oldest FROM stream_events")
            .fetch_one(&mut *self.conn().await?)
            .await?;
        Ok((row.get("newest"), row.get("oldest")))
    }

    /// Forgets events older than [`KEEP_HOURS`] and beyond the newest [`KEEP_EVENTS`].
    pub async fn prune_stream_events(&self) -> anyhow::Result<()> {
        let cutoff = clock::format(chrono::Utc::now() - chrono::Duration::hours(KEEP_HOURS));
        sqlx::query(
            // The newest row stays, so the log always knows where it is.
            "DELETE FROM stream_events WHERE (created_at < ? OR id <= (SELECT MAX(id) FROM stream_events) - ?)
                AND id < (SELECT MAX(id) FROM stream_events)",
        )
        .bind(cutoff)
        .bind(KEEP_EVENTS)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }
}

/// An event about a thread's post (`reply_id: None`) or one of its replies.
pub fn post_event(kind: StreamKind, thread_id: i64, reply_id: Option<i64>) -> StreamEvent {
    StreamEvent {
        thread_id: Some(thread_id.to_string()),
        reply_id: reply_id.map(|id| id.to_string()),
        ..StreamEvent::new(kind)
    }
}

/// A post changed (`PostChanged`).
pub fn post_changed(thread_id: i64, reply_id: Option<i64>, change: PostChange) -> StreamEvent {
    StreamEvent { change: Some(change), ..post_event(StreamKind::PostChanged, thread_id, reply_id) }
}

/// The thread a reply is in, read on `connection`.
pub async fn reply_thread(connection: &mut SqliteConnection, reply_id: i64) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT thread_id FROM replies WHERE id = ?")
        .bind(reply_id)
        .fetch_optional(connection)
        .await?)
}

/// An idea's votes and status now (`IdeaChanged`), written on `connection`.
pub async fn idea_changed(connection: &mut SqliteConnection, idea_id: i64) -> anyhow::Result<()> {
    let row: Option<(i64, String)> = sqlx::query_as("SELECT vote_count, status FROM ideas WHERE id = ?")
        .bind(idea_id)
        .fetch_optional(&mut *connection)
        .await?;
    let Some((vote_count, status)) = row else { return Ok(()) };
    let event = StreamEvent {
        idea_id: Some(idea_id.to_string()),
        vote_count: Some(vote_count),
        status: Some(IdeaStatus::parse(&status)),
        ..StreamEvent::new(StreamKind::IdeaChanged)
    };
    emit(connection, About::Idea(idea_id), &event).await
}

/// Each member's notifications changed (`NotificationsChanged`), written on `connection`.
pub async fn notifications_changed(connection: &mut SqliteConnection, members: &[i64]) -> anyhow::Result<()> {
    let event = StreamEvent::new(StreamKind::NotificationsChanged);
    for &member in members {
        emit(connection, About::Member(member), &event).await?;
    }
    Ok(())
}
