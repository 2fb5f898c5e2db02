//! A member's own data: what goes into their archive, deleting their account (keeping their
//! content as "former member" or removing it), the community's choice between the two, and the
//! log of exports and deletions.

use serde_json::{Map, Value};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Column, Row, SqliteConnection};
use veche_api::privacy::{DeletedContent, PrivacyAction, PrivacyLogEntry};

use super::page_of;
use super::threads::{AUTHOR_COLUMNS, author};
use super::visibility::Reader;
use super::{Db, MemberRow};
use crate::clock;

/// The name a deleted member's kept content is signed with, for clients that do not read
/// `former` (the app shows its own words in the reader's language).
pub const FORMER_MEMBER_NAME: &str = "Former member";

/// One JSON file of the archive: its name and the statement that lists its items. `?1` is the
/// member's id; `{visible:column}` becomes the condition that the member may still read the
/// group in `column`.
struct ArchiveKind {
    file: &'static str,
    sql: &'static str,
}

/// Everything a member gave, kind by kind. Only the member's own rows, and only where they may
/// still read the group the content is in: never others' replies, names or votes.
const ARCHIVE_KINDS: &[ArchiveKind] = &[
    ArchiveKind {
        file: "threads.json",
        sql: "SELECT CAST(t.id AS TEXT) AS id, s.name AS space, t.title, t.body, t.created_at, t.edited_at
              FROM threads t JOIN spaces s ON s.id = t.space_id
              WHERE t.author_id = ?1 AND t.deleted_at IS NULL AND s.hidden = 0 AND {visible:t.group_id}
              ORDER BY t.created_at, t.id",
    },
    ArchiveKind {
        file: "replies.json",
        sql: "SELECT CAST(r.id AS TEXT) AS id, CAST(r.thread_id AS TEXT) AS thread_id,
                     COALESCE(i.title, t.title) AS thread_title, r.position, r.body, r.created_at, r.edited_at
              FROM replies r JOIN threads t ON t.id = r.thread_id LEFT JOIN ideas i ON i.discussion_id = t.id
              WHERE r.author_id = ?1 AND r.deleted_at IS NULL AND {visible:t.group_id}
              ORDER BY r.created_at, r.id",
    },
    ArchiveKind {
        file: "ideas.json",
        sql: "SELECT CAST(i.id AS TEXT) AS id, c.name AS category, i.title, i.body, i.status, i.created_at, i.edited_at
              FROM ideas i JOIN idea_categories c ON c.id = i.category_id
              WHERE i.author_id = ?1 AND {visible:i.group_id} ORDER BY i.created_at, i.id",
    },
    ArchiveKind {
        file: "votes.json",
        sql: "SELECT 'idea' AS kind, CAST(i.id AS TEXT) AS id, i.title, NULL AS item, 1 AS points, v.created_at
              FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE v.member_id = ?1 AND {visible:i.group_id}
              UNION ALL
              SELECT 'ballot', CAST(b.id AS TEXT), b.title, bi.title, a.points, NULL
              FROM ballot_allocations a JOIN ballots b ON b.id = a.ballot_id JOIN ballot_items bi ON bi.id = a.item_id
              WHERE a.member_id = ?1 ORDER BY 1, 2",
    },
    ArchiveKind {
        file: "kudos.json",
        sql: "SELECT k.target, CAST(k.target_id AS TEXT) AS target_id, k.created_at FROM kudos k
              JOIN threads t ON t.id = CASE k.target WHEN 'thread' THEN k.target_id
                                    ELSE (SELECT r.thread_id FROM replies r WHERE r.id = k.target_id) END
              WHERE k.member_id = ?1 AND {visible:t.group_id} ORDER BY k.created_at",
    },
    ArchiveKind {
        file: "survey_answers.json",
        sql: "SELECT s.name AS survey, r.score, r.comment, r.contact_ok, r.contact_email, r.segment, r.source,
                     r.created_at, r.followed_up_at
              FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.member_id = ?1
              ORDER BY r.created_at",
    },
    ArchiveKind {
        file: "rsvps.json",
        sql: "SELECT CAST(e.id AS TEXT) AS event_id, e.title AS event, NULLIF(r.occurrence, '') AS date, r.status, r.since
              FROM rsvps r JOIN events e ON e.id = r.event_id WHERE r.member_id = ?1 AND {visible:e.group_id}
              ORDER BY r.since",
    },
    ArchiveKind {
        file: "groups.json",
        sql: "SELECT g.slug, g.name, gm.role, gm.status, gm.created_at FROM group_members gm
              JOIN groups g ON g.id = gm.group_id WHERE gm.member_id = ?1 ORDER BY gm.created_at",
    },
    ArchiveKind {
        file: "follows.json",
        sql: "SELECT m.handle AS follows, f.created_at FROM follows f JOIN members m ON m.id = f.followed_id
              WHERE f.follower_id = ?1 AND m.deleted_at IS NULL ORDER BY f.created_at",
    },
];

/// A line of the privacy log: who (`actor_id`) did what to whose data. When the actor is not
/// the member, staff acted on the member's request.
pub struct LogLine<'a> {
    pub action: PrivacyAction,
    pub actor_id: i64,
    pub subject: &'a MemberRow,
    pub note: &'a str,
}

/// A picture of the archive: the upload to copy and the name it gets under `pictures/`.
#[derive(Clone, Debug)]
pub struct ArchivePicture {
    pub upload_id: String,
    pub file_stem: String,
}

/// The archive's JSON files, ready to write, and the pictures to copy after them.
pub struct ArchiveContents {
    pub files: Vec<(String, Vec<u8>)>,
    pub pictures: Vec<ArchivePicture>,
}

/// One row as a JSON object, each column under its name: integers as numbers, text as strings.
fn row_json(row: &SqliteRow) -> Value {
    let mut object = Map::new();
    for (index, column) in row.columns().iter().enumerate() {
        let value = match row.try_get::<Option<i64>, _>(index) {
            Ok(number) => Value::from(number),
            Err(_) => row.try_get::<Option<String>, _>(index).map(Value::from).unwrap_or(Value::Null),
        };
        object.insert(column.name().to_owned(), value);
    }
    Value::Object(object)
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(value).unwrap_or_default();
    text.push(b'\n');
    text
}

/// Fills in the `{visible:column}` conditions of an archive statement for `reader`.
fn with_visibility(sql: &str, reader: &Reader) -> String {
    let mut text = sql.to_owned();
    while let Some(start) = text.find("{visible:") {
        let Some(length) = text[start..].find('}') else { break };
        let column = text[start + "{visible:".len()..start + length].to_owned();
        text.replace_range(start..=start + length, &reader.visible(&column));
    }
    text
}

async fn all_json(connection: &mut SqliteConnection, sql: &str, member_id: i64) -> anyhow::Result<Value> {
    let rows = sqlx::query(AssertSqlSafe(sql.to_owned())).bind(member_id).fetch_all(&mut *connection).await?;
    Ok(Value::Array(rows.iter().map(row_json).collect()))
}

impl Db {
    /// What becomes of deleted members' content here.
    pub async fn deleted_content(&self) -> anyhow::Result<DeletedContent> {
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'deleted_content'")
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(value.map_or(DeletedContent::Keep, |v| DeletedContent::parse_known(&v).unwrap_or(DeletedContent::Keep)))
    }

    pub async fn set_deleted_content(&self, choice: DeletedContent) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ('deleted_content', ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(choice.as_str())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// The member's archive: a JSON file per kind (as the member may read today) and the
    /// pictures to add.
    pub async fn archive_contents(&self, member: &MemberRow) -> anyhow::Result<ArchiveContents> {
        let reader = Reader::member(member);
        let mut conn = self.conn().await?;
        let contacts = all_json(
            &mut conn,
            "SELECT kind, value, visibility FROM member_contacts WHERE member_id = ?1 ORDER BY position",
            member.id,
        )
        .await?;
        let profile = serde_json::json!({
            "handle": member.handle,
            "display_name": member.display_name,
            "email": member.email,
            "email_verified_at": member.email_verified_at,
            "language": member.locale,
            "community_role": member.role,
            "access": member.access,
            "position": member.position,
            "company": member.company,
            "city": member.city,
            "about": member.bio,
            "show_votes": member.show_votes,
            "joined_at": member.created_at,
            "contacts": contacts,
        });
        let mut files = vec![("profile.json".to_owned(), pretty(&profile))];
        for kind in ARCHIVE_KINDS {
            let items = all_json(&mut conn, &with_visibility(kind.sql, &reader), member.id).await?;
            files.push((kind.file.to_owned(), pretty(&items)));
        }
        let avatar: Option<String> = sqlx::query_scalar("SELECT avatar_upload_id FROM members WHERE id = ?")
            .bind(member.id)
            .fetch_one(&mut *conn)
            .await?;
        let photos = sqlx::query(
            "SELECT p.id, p.upload_id, p.caption, p.created_at FROM photos p WHERE p.member_id = ? ORDER BY p.position, p.id",
        )
        .bind(member.id)
        .fetch_all(&mut *conn)
        .await?;
        let mut pictures: Vec<ArchivePicture> =
            avatar.into_iter().map(|upload_id| ArchivePicture { upload_id, file_stem: "avatar".to_owned() }).collect();
        let mut listed = Vec::new();
        for row in &photos {
            let stem = format!("photo-{}", row.get::<i64, _>("id"));
            listed.push(serde_json::json!({
                "file": format!("pictures/{stem}"),
                "caption": row.get::<String, _>("caption"),
                "created_at": row.get::<String, _>("created_at"),
            }));
            pictures.push(ArchivePicture { upload_id: row.get("upload_id"), file_stem: stem });
        }
        files.push(("photos.json".to_owned(), pretty(&Value::Array(listed))));
        Ok(ArchiveContents { files, pictures })
    }

    /// Writes a line of the privacy log.
    pub async fn log_privacy(&self, line: &LogLine<'_>) -> anyhow::Result<()> {
        insert_log(&mut *self.conn().await?, line).await
    }

    pub async fn privacy_log(&self, offset: i64, limit: i64) -> anyhow::Result<(Vec<PrivacyLogEntry>, bool)> {
        let sql = format!(
            "SELECT l.id, l.action, l.subject_handle, l.on_request, l.note, l.created_at, {AUTHOR_COLUMNS}
             FROM privacy_log l JOIN members a ON a.id = l.actor_id
             ORDER BY l.created_at DESC, l.id DESC LIMIT ? OFFSET ?"
        );
        let rows =
            sqlx::query(AssertSqlSafe(sql)).bind(limit + 1).bind(offset).fetch_all(&mut *self.conn().await?).await?;
        let (rows, more) = page_of(rows, limit);
        let entries = rows
            .iter()
            .map(|row| PrivacyLogEntry {
                id: row.get::<i64, _>("id").to_string(),
                action: PrivacyAction::parse(row.get("action")),
                actor: author(row),
                subject_handle: row.get("subject_handle"),
                on_request: row.get("on_request"),
                note: row.get("note"),
                created_at: row.get("created_at"),
            })
            .collect();
        Ok((entries, more))
    }

    /// How many members have staff access (and have not left).
    pub async fn staff_count(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM members WHERE access = 'staff' AND deleted_at IS NULL")
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }

    /// Answers for events still to come (any date of a series, a one-off not yet over), which a
    /// deletion withdraws first so the places go to the waitlist.
    pub async fn upcoming_rsvps(&self, member_id: i64) -> anyhow::Result<Vec<(i64, String)>> {
        let now = clock::now();
        let rows = sqlx::query(
            "SELECT r.event_id, r.occurrence FROM rsvps r JOIN events e ON e.id = r.event_id
             WHERE r.member_id = ?1 AND r.status <> 'not_going' AND e.cancelled_at IS NULL
               AND CASE WHEN r.occurrence <> '' THEN r.occurrence > ?2
                        WHEN e.recurrence IS NOT NULL THEN 1 ELSE e.ends_at > ?2 END",
        )
        .bind(member_id)
        .bind(now)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.iter().map(|row| (row.get("event_id"), row.get("occurrence"))).collect())
    }

    /// Deletes the account in one transaction: sessions, links, the feed, queued mail and the
    /// profile go; the row stays, anonymised, so kept content has an author; the content is
    /// kept or removed as `mode` says. Logged as `line` says (the member, or staff).
    pub async fn delete_account(&self, line: &LogLine<'_>, mode: DeletedContent) -> anyhow::Result<()> {
        let member = line.subject;
        let id = member.id;
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        insert_log(&mut tx, line).await?;
        if mode == DeletedContent::Remove {
            remove_content(&mut tx, id, &now).await?;
        }
        // In both modes: the person goes. Survey answers stay (anonymous) only when kept.
        let by_member = [
            "DELETE FROM sessions WHERE member_id = ?",
            "DELETE FROM account_tokens WHERE member_id = ?",
            "DELETE FROM calendar_feeds WHERE member_id = ?",
            // The provider account no longer signs in as this member (a new sign-in with it
            // makes a new member).
            "DELETE FROM member_identities WHERE member_id = ?",
            "DELETE FROM notifications WHERE member_id = ?",
            "DELETE FROM follows WHERE follower_id = ?1 OR followed_id = ?1",
            "DELETE FROM member_contacts WHERE member_id = ?",
            "DELETE FROM group_members WHERE member_id = ?",
            "DELETE FROM survey_dismissals WHERE member_id = ?",
            "DELETE FROM photos WHERE member_id = ?",
            "DELETE FROM uploads WHERE member_id = ?1 AND id NOT IN (SELECT upload_id FROM event_photos)",
            "DELETE FROM rsvps WHERE member_id = ? AND status = 'not_going'",
            "UPDATE survey_responses SET member_id = NULL, contact_email = NULL, contact_ok = 0, respondent = NULL
             WHERE member_id = ?",
        ];
        for statement in by_member {
            sqlx::query(statement).bind(id).execute(&mut *tx).await?;
        }
        // Mail not yet sent to the member is no longer wanted.
        sqlx::query("DELETE FROM mail_outbox WHERE recipient = ? COLLATE NOCASE AND state = 'queued'")
            .bind(&member.email)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE members SET handle = 'former-' || id, display_name = ?, email = 'former-' || id || '@deleted.invalid',
                    password_hash = '!', role = 'member', access = 'member', position = NULL, company = NULL,
                    avatar_url = NULL, avatar_upload_id = NULL, city = NULL, bio = '', email_verified_at = NULL,
                    deleted_at = ? WHERE id = ?",
        )
        .bind(FORMER_MEMBER_NAME)
        .bind(&now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn insert_log(connection: &mut SqliteConnection, line: &LogLine<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO privacy_log (action, actor_id, subject_id, subject_handle, on_request, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(line.action.as_str())
    .bind(line.actor_id)
    .bind(line.subject.id)
    .bind(&line.subject.handle)
    .bind(line.actor_id != line.subject.id)
    .bind(line.note.trim())
    .bind(clock::now())
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// The "remove" half of a deletion: the member's words deleted, their ideas gone with the votes
/// on them, their own votes, points, kudos and answers withdrawn (counts follow).
async fn remove_content(tx: &mut SqliteConnection, id: i64, now: &str) -> anyhow::Result<()> {
    // Kudos the member gave, and the counts they were part of.
    for (target, table) in [("thread", "threads"), ("reply", "replies")] {
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE {table} SET kudos_count = kudos_count - 1
             WHERE id IN (SELECT target_id FROM kudos WHERE member_id = ? AND target = '{target}')"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "UPDATE ideas SET vote_count = vote_count - 1 WHERE id IN (SELECT idea_id FROM idea_votes WHERE member_id = ?)",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    // The member's ideas: their discussions are deleted like threads, merges into them undone.
    let ideas: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, discussion_id FROM ideas WHERE author_id = ?").bind(id).fetch_all(&mut *tx).await?;
    for (idea, discussion) in ideas {
        sqlx::query("UPDATE ideas SET merged_into = NULL WHERE merged_into = ?").bind(idea).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM idea_votes WHERE idea_id = ?").bind(idea).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM idea_history WHERE idea_id = ?").bind(idea).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM ideas WHERE id = ?").bind(idea).execute(&mut *tx).await?;
        sqlx::query("UPDATE threads SET deleted_at = COALESCE(deleted_at, ?), title = '', body = '' WHERE id = ?")
            .bind(now)
            .bind(discussion)
            .execute(&mut *tx)
            .await?;
    }
    let statements = [
        "DELETE FROM kudos WHERE member_id = ?2",
        "DELETE FROM idea_votes WHERE member_id = ?2",
        "DELETE FROM ballot_allocations WHERE member_id = ?2",
        "DELETE FROM rsvps WHERE member_id = ?2",
        "DELETE FROM survey_responses WHERE member_id = ?2",
        "UPDATE threads SET deleted_at = COALESCE(deleted_at, ?1), title = '', body = '' WHERE author_id = ?2",
        "UPDATE replies SET deleted_at = COALESCE(deleted_at, ?1), body = '' WHERE author_id = ?2",
    ];
    for statement in statements {
        sqlx::query(statement).bind(now).bind(id).execute(&mut *tx).await?;
    }
    // A deleted reply is no thread's accepted answer any more (as when its author deletes it; the
    // reply count numbers the places, which stay).
    sqlx::query(
        "UPDATE threads SET solution_reply_id = NULL, solution_accepted_at = NULL
         WHERE solution_reply_id IN (SELECT id FROM replies WHERE author_id = ?)",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visibility_placeholders_become_the_readers_condition() {
        let reader = Reader { member_id: Some(7), moderator: false, staff: false };
        let sql = with_visibility("WHERE a AND {visible:t.group_id} AND {visible:e.group_id}", &reader);
        assert!(!sql.contains("{visible"));
        assert!(sql.contains("t.group_id IS NULL OR t.group_id IN"));
        assert!(sql.contains("e.group_id IS NULL OR e.group_id IN"));
        assert!(sql.contains("gm.member_id = 7"));
    }
}
