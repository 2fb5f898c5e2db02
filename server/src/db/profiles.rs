//! Profiles: details, contacts, reputation and badges computed from what members did, the
//! directory, activity, follows, roles.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::member::{Access, CommunityRole};
use veche_api::members::{
    ActivityItem, ActivityKind, BADGE_RULES, Badge, ContactKind, ContactSetting, Facts, MemberSort, Milestone,
    ProfileCounts, ProfileSettings, Visibility,
};

use super::members::MEMBER_COLUMNS;
use super::page_of;
use super::threads::excerpt;
use super::visibility::Reader;
use super::{Db, MemberRow};
use crate::clock;

/// Counts every fact reputation is made of, for each member, since `since` (RFC 3339; the
/// epoch for all time). One statement, so a leaderboard is one query.
const FACTS: &str = "SELECT m.id,
    (SELECT COUNT(*) FROM threads t JOIN spaces s ON s.id = t.space_id
        WHERE t.author_id = m.id AND t.deleted_at IS NULL AND s.hidden = 0 AND t.created_at >= ?1) AS threads,
    (SELECT COUNT(*) FROM replies r WHERE r.author_id = m.id AND r.deleted_at IS NULL AND r.created_at >= ?1) AS replies,
    (SELECT COUNT(*) FROM kudos k JOIN threads t ON k.target = 'thread' AND t.id = k.target_id
        WHERE t.author_id = m.id AND k.created_at >= ?1)
    + (SELECT COUNT(*) FROM kudos k JOIN replies r ON k.target = 'reply' AND r.id = k.target_id
        WHERE r.author_id = m.id AND k.created_at >= ?1) AS kudos,
    (SELECT COUNT(*) FROM threads t JOIN replies r ON r.id = t.solution_reply_id
        WHERE r.author_id = m.id AND t.author_id <> m.id AND t.solution_accepted_at >= ?1) AS accepted,
    (SELECT COUNT(*) FROM ideas i WHERE i.author_id = m.id AND i.status = 'implemented' AND i.status_changed_at >= ?1) AS implemented,
    (SELECT COUNT(*) FROM rsvps r JOIN events e ON e.id = r.event_id
        WHERE r.member_id = m.id AND r.status = 'going' AND e.cancelled_at IS NULL
          AND ((r.occurrence <> '' AND r.occurrence >= ?1 AND r.occurrence < strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            OR (r.occurrence = '' AND e.recurrence IS NULL AND e.starts_at >= ?1
                AND e.starts_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))) AS attended
  FROM members m";

fn facts_row(row: &SqliteRow) -> (i64, Facts) {
    (
        row.get("id"),
        Facts {
            threads: row.get("threads"),
            replies: row.get("replies"),
            kudos_received: row.get("kudos"),
            accepted_answers: row.get("accepted"),
            ideas_implemented: row.get("implemented"),
            events_attended: row.get("attended"),
        },
    )
}

/// The timestamps a milestone counts, oldest first, for one member.
fn milestone_times(milestone: Milestone) -> Option<&'static str> {
    Some(match milestone {
        Milestone::Posts => {
            "SELECT created_at FROM (SELECT t.created_at FROM threads t JOIN spaces s ON s.id = t.space_id
               WHERE t.author_id = ?1 AND t.deleted_at IS NULL AND s.hidden = 0
               UNION ALL SELECT created_at FROM replies WHERE author_id = ?1 AND deleted_at IS NULL)"
        }
        Milestone::Replies => "SELECT created_at FROM replies WHERE author_id = ?1 AND deleted_at IS NULL",
        Milestone::KudosReceived => {
            "SELECT created_at FROM (SELECT k.created_at FROM kudos k JOIN threads t ON k.target = 'thread' AND t.id = k.target_id
               WHERE t.author_id = ?1
               UNION ALL SELECT k.created_at FROM kudos k JOIN replies r ON k.target = 'reply' AND r.id = k.target_id
               WHERE r.author_id = ?1)"
        }
        Milestone::AcceptedAnswers => {
            "SELECT t.solution_accepted_at AS created_at FROM threads t JOIN replies r ON r.id = t.solution_reply_id
               WHERE r.author_id = ?1 AND t.author_id <> ?1"
        }
        Milestone::IdeasImplemented => {
            "SELECT status_changed_at AS created_at FROM ideas WHERE author_id = ?1 AND status = 'implemented'"
        }
        Milestone::EventsAttended => {
            "SELECT CASE WHEN r.occurrence <> '' THEN r.occurrence ELSE e.starts_at END AS created_at
               FROM rsvps r JOIN events e ON e.id = r.event_id
              WHERE r.member_id = ?1 AND r.status = 'going' AND e.cancelled_at IS NULL AND (r.occurrence <> '' OR e.recurrence IS NULL)
                AND CASE WHEN r.occurrence <> '' THEN r.occurrence ELSE e.starts_at END < strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        }
        Milestone::Unknown => return None,
    })
}

/// The first day of the current month, UTC, as stored.
pub fn month_start() -> String {
    let today = clock::today();
    format!("{}T00:00:00Z", today.format("%Y-%m-01"))
}

const EPOCH: &str = "0000";

impl Db {
    pub async fn member_by_handle(&self, handle: &str) -> anyhow::Result<Option<MemberRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE handle = ? AND deleted_at IS NULL"
        )))
        .bind(handle)
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    pub async fn facts(&self, member_id: i64, since: Option<&str>) -> anyhow::Result<Facts> {
        let row = sqlx::query(AssertSqlSafe(format!("{FACTS} WHERE m.id = ?2")))
            .bind(since.unwrap_or(EPOCH))
            .bind(member_id)
            .fetch_one(&mut *self.conn().await?)
            .await?;
        Ok(facts_row(&row).1)
    }

    /// Every member's facts since `since`.
    pub async fn all_facts(&self, since: Option<&str>) -> anyhow::Result<Vec<(i64, Facts)>> {
        let rows = sqlx::query(AssertSqlSafe(format!("{FACTS} WHERE m.deleted_at IS NULL")))
            .bind(since.unwrap_or(EPOCH))
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows.iter().map(facts_row).collect())
    }

    /// Recomputes the cached reputation of these members (after anything that changes it).
    pub async fn refresh_reputation(&self, member_ids: &[i64]) -> anyhow::Result<()> {
        for &id in member_ids {
            let points = self.facts(id, None).await?.points();
            sqlx::query("UPDATE members SET reputation = ? WHERE id = ?")
                .bind(points)
                .bind(id)
                .execute(&mut *self.conn().await?)
                .await?;
        }
        Ok(())
    }

    pub async fn refresh_all_reputation(&self) -> anyhow::Result<()> {
        for (id, facts) in self.all_facts(None).await? {
            sqlx::query("UPDATE members SET reputation = ? WHERE id = ?")
                .bind(facts.points())
                .bind(id)
                .execute(&mut *self.conn().await?)
                .await?;
        }
        Ok(())
    }

    /// The badges a member earned, each dated when its milestone was reached.
    pub async fn badges(&self, member_id: i64) -> anyhow::Result<Vec<Badge>> {
        let mut badges = Vec::new();
        for (kind, milestone, needed) in BADGE_RULES {
            let Some(times) = milestone_times(milestone) else { continue };
            let reached: Option<String> = sqlx::query_scalar(AssertSqlSafe(format!(
                "SELECT created_at FROM ({times}) ORDER BY created_at LIMIT 1 OFFSET ?2"
            )))
            .bind(member_id)
            .bind(needed - 1)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
            if let Some(earned_at) = reached {
                badges.push(Badge { kind, earned_at });
            }
        }
        Ok(badges)
    }

    /// A profile's counters, of what the reader may see.
    pub async fn profile_counts(&self, member_id: i64, reader: Reader) -> anyhow::Result<ProfileCounts> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT (SELECT COUNT(*) FROM threads t JOIN spaces s ON s.id = t.space_id
                     WHERE t.author_id = ?1 AND t.deleted_at IS NULL AND s.hidden = 0 AND {threads}) AS threads,
                    (SELECT COUNT(*) FROM replies r JOIN threads t ON t.id = r.thread_id
                     WHERE r.author_id = ?1 AND r.deleted_at IS NULL AND {threads}) AS replies,
                    (SELECT COUNT(*) FROM ideas i WHERE i.author_id = ?1 AND {ideas}) AS ideas,
                    (SELECT COUNT(*) FROM follows WHERE followed_id = ?1) AS followers,
                    (SELECT COUNT(*) FROM follows WHERE follower_id = ?1) AS following",
            threads = reader.visible("t.group_id"),
            ideas = reader.visible("i.group_id"),
        )))
        .bind(member_id)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok(ProfileCounts {
            threads: row.get("threads"),
            replies: row.get("replies"),
            ideas: row.get("ideas"),
            events: 0,
            followers: row.get("followers"),
            following: row.get("following"),
        })
    }

    pub async fn contacts(&self, member_id: i64) -> anyhow::Result<Vec<ContactSetting>> {
        let rows =
            sqlx::query("SELECT kind, value, visibility FROM member_contacts WHERE member_id = ? ORDER BY position")
                .bind(member_id)
                .fetch_all(&mut *self.conn().await?)
                .await?;
        Ok(rows
            .iter()
            .map(|row| ContactSetting {
                kind: ContactKind::parse(row.get("kind")),
                value: row.get("value"),
                visibility: Visibility::parse(row.get("visibility")),
            })
            .collect())
    }

    /// Saves the owner's settings; the contact list is replaced as a whole.
    pub async fn save_profile(&self, member_id: i64, settings: &ProfileSettings) -> anyhow::Result<()> {
        let optional = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query(
            "UPDATE members SET display_name = ?, position = ?, company = ?, city = ?, bio = ?, show_votes = ? WHERE id = ?",
        )
        .bind(settings.display_name.trim())
        .bind(optional(&settings.position))
        .bind(optional(&settings.company))
        .bind(optional(&settings.city))
        .bind(settings.bio.trim())
        .bind(settings.show_votes)
        .bind(member_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM member_contacts WHERE member_id = ?").bind(member_id).execute(&mut *tx).await?;
        for (position, contact) in settings.contacts.iter().enumerate() {
            sqlx::query(
                "INSERT INTO member_contacts (member_id, position, kind, value, visibility) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(member_id)
            .bind(position as i64)
            .bind(contact.kind.as_str())
            .bind(contact.value.trim())
            .bind(contact.visibility.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// One page of the directory: `query` matches name, handle, company or city.
    pub async fn directory(
        &self,
        query: &str,
        role: Option<CommunityRole>,
        sort: MemberSort,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<MemberRow>, bool)> {
        let order = match sort {
            MemberSort::Newest => "created_at DESC, id DESC",
            MemberSort::Name => "display_name COLLATE NOCASE, id",
            MemberSort::Reputation | MemberSort::Unknown => "reputation DESC, display_name COLLATE NOCASE, id",
        };
        let pattern = format!("%{}%", query.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let rows: Vec<MemberRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM members
             WHERE deleted_at IS NULL AND (display_name LIKE ?1 ESCAPE '\\' OR handle LIKE ?1 ESCAPE '\\'
                    OR COALESCE(company, '') LIKE ?1 ESCAPE '\\' OR COALESCE(city, '') LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR role = ?2)
             ORDER BY {order} LIMIT ?3 OFFSET ?4"
        )))
        .bind(pattern)
        .bind(role.map(CommunityRole::as_str))
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(page_of(rows, limit))
    }

    /// What a member created, newest first.
    pub async fn activity(
        &self,
        member_id: i64,
        kind: ActivityKind,
        offset: i64,
        limit: i64,
        reader: Reader,
    ) -> anyhow::Result<(Vec<ActivityItem>, bool)> {
        let threads = reader.visible("t.group_id");
        let sql = match kind {
            ActivityKind::Threads => format!(
                "SELECT t.id, t.title, t.body, t.created_at, t.id AS thread_id FROM threads t JOIN spaces s ON s.id = t.space_id
                 WHERE t.author_id = ? AND t.deleted_at IS NULL AND t.hidden_at IS NULL AND s.hidden = 0 AND {threads}
                 ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?"
            ),
            ActivityKind::Replies => format!(
                "SELECT r.id, COALESCE(i.title, t.title) AS title, r.body, r.created_at, t.id AS thread_id, i.id AS idea_id
                 FROM replies r JOIN threads t ON t.id = r.thread_id LEFT JOIN ideas i ON i.discussion_id = t.id
                 WHERE r.author_id = ? AND r.deleted_at IS NULL AND r.hidden_at IS NULL AND {threads}
                   AND t.hidden_at IS NULL AND (i.id IS NULL OR i.hidden_at IS NULL) ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?"
            ),
            ActivityKind::Ideas => format!(
                "SELECT i.id, i.title, i.body, i.created_at, i.discussion_id AS thread_id, i.id AS idea_id FROM ideas i
                 WHERE i.author_id = ? AND i.hidden_at IS NULL AND {}
                 ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?",
                reader.visible("i.group_id")
            ),
            // Filled in by the ideas and events features.
            _ => return Ok((Vec::new(), false)),
        };
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member_id)
            .bind(limit + 1)
            .bind(offset)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let (rows, more) = page_of(rows, limit);
        let items = rows
            .iter()
            .map(|row| {
                let id: i64 = row.get("id");
                let thread: i64 = row.get("thread_id");
                let idea: Option<i64> = row.try_get("idea_id").ok().flatten();
                ActivityItem {
                    kind,
                    id: id.to_string(),
                    title: row.get("title"),
                    excerpt: excerpt(row.get("body"), 200),
                    link: match (kind, idea) {
                        (ActivityKind::Ideas, _) => format!("/ideas/{id}"),
                        (ActivityKind::Replies, Some(idea)) => format!("/ideas/{idea}#reply-{id}"),
                        (ActivityKind::Replies, None) => format!("/threads/{thread}#reply-{id}"),
                        _ => format!("/threads/{thread}"),
                    },
                    created_at: row.get("created_at"),
                }
            })
            .collect();
        Ok((items, more))
    }

    pub async fn set_following(&self, follower: i64, followed: i64, follow: bool) -> anyhow::Result<()> {
        let query = if follow {
            "INSERT INTO follows (follower_id, followed_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM follows WHERE follower_id = ? AND followed_id = ? AND ? IS NOT NULL"
        };
        sqlx::query(query).bind(follower).bind(followed).bind(clock::now()).execute(&mut *self.conn().await?).await?;
        Ok(())
    }

    pub async fn is_following(&self, follower: i64, followed: i64) -> anyhow::Result<bool> {
        Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = ? AND followed_id = ?)")
            .bind(follower)
            .bind(followed)
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }

    /// Followers (`followers = true`) or followed members of one member, newest follow first.
    pub async fn follow_list(
        &self,
        member_id: i64,
        followers: bool,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<MemberRow>, bool)> {
        let (join, filter) = if followers { ("follower_id", "followed_id") } else { ("followed_id", "follower_id") };
        let columns = MEMBER_COLUMNS.split(", ").map(|c| format!("m.{}", c.trim())).collect::<Vec<_>>().join(", ");
        let rows: Vec<MemberRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {columns} FROM follows f JOIN members m ON m.id = f.{join}
             WHERE f.{filter} = ? ORDER BY f.created_at DESC, f.rowid DESC LIMIT ? OFFSET ?"
        )))
        .bind(member_id)
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(page_of(rows, limit))
    }

    pub async fn set_role(&self, member_id: i64, role: CommunityRole, access: Option<Access>) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET role = ?, access = COALESCE(?, access) WHERE id = ?")
            .bind(role.as_str())
            .bind(access.map(Access::as_str))
            .bind(member_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn set_avatar(&self, member_id: i64, upload: Option<&str>) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET avatar_upload_id = ?, avatar_url = ? WHERE id = ?")
            .bind(upload)
            .bind(upload.map(media_path))
            .bind(member_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}

/// Where an upload is served (a path on the API's origin).
pub fn media_path(id: &str) -> String {
    format!("/api/v1/media/{id}")
}
