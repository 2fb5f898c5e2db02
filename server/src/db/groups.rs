//! Groups, their members and join requests, and which group a space's content belongs to.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::groups::{Decision, GroupKind, GroupRef, GroupRole, Membership};
use veche_api::names::{NameText, Translations};
use veche_api::notifications::NotificationKind;

use super::names::translations;
use super::notifications::{self, NewNotification};
use super::page_of;
use super::visibility::Reader;
use super::{Db, MemberRow};
use crate::{clock, language};

#[derive(Clone, Debug)]
pub struct GroupRow {
    pub id: i64,
    pub slug: String,
    /// In the request's language (`crate::language::pick`).
    pub name: String,
    pub description: String,
    /// Both languages' words, as staff wrote them.
    pub translations: Translations,
    pub kind: GroupKind,
    pub created_at: String,
    pub member_count: i64,
}

impl GroupRow {
    pub fn reference(&self) -> GroupRef {
        GroupRef { id: self.id.to_string(), slug: self.slug.clone(), name: self.name.clone(), kind: self.kind }
    }
}

const GROUP_COLUMNS: &str = "g.id, g.slug, g.name, g.description, g.name_ru, g.description_ru, g.kind, g.created_at,
       (SELECT COUNT(*) FROM group_members c WHERE c.group_id = g.id AND c.status = 'active') AS member_count";

fn group_row(row: &SqliteRow) -> GroupRow {
    GroupRow {
        id: row.get("id"),
        slug: row.get("slug"),
        name: language::pick(row.get("name"), row.get("name_ru")),
        description: language::pick(row.get("description"), row.get("description_ru")),
        translations: translations(row),
        kind: GroupKind::parse(row.get("kind")),
        created_at: row.get("created_at"),
        member_count: row.get("member_count"),
    }
}

/// A stored (status, role) pair as the viewer's standing.
fn membership(status: Option<(String, String)>) -> Membership {
    match status.as_ref().map(|(s, r)| (s.as_str(), r.as_str())) {
        Some(("active", "admin")) => Membership::Admin,
        Some(("active", _)) => Membership::Member,
        Some(("requested", _)) => Membership::Requested,
        _ => Membership::None,
    }
}

/// A member of a group as listed: who, their role, since when.
pub struct GroupMemberRow {
    pub member: MemberRow,
    pub role: GroupRole,
    pub since: String,
}

impl Db {
    pub async fn group(&self, id: i64) -> anyhow::Result<Option<GroupRow>> {
        let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.id = ?");
        Ok(sqlx::query(AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?
            .as_ref()
            .map(group_row))
    }

    pub async fn group_by_slug(&self, slug: &str) -> anyhow::Result<Option<GroupRow>> {
        let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.slug = ?");
        Ok(sqlx::query(AssertSqlSafe(sql))
            .bind(slug)
            .fetch_optional(&mut *self.conn().await?)
            .await?
            .as_ref()
            .map(group_row))
    }

    pub async fn membership(&self, group: i64, member: i64) -> anyhow::Result<Membership> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT status, role FROM group_members WHERE group_id = ? AND member_id = ?")
                .bind(group)
                .bind(member)
                .fetch_optional(&mut *self.conn().await?)
                .await?;
        Ok(membership(row))
    }

    /// When the member joined (or was let in).
    pub async fn membership_since(&self, group: i64, member: i64) -> anyhow::Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT COALESCE(decided_at, created_at) FROM group_members WHERE group_id = ? AND member_id = ?",
        )
        .bind(group)
        .bind(member)
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    /// The groups this reader may see, with the reader's standing in each, by name.
    pub async fn groups(&self, reader: Reader) -> anyhow::Result<Vec<(GroupRow, Membership)>> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS}, mine.status AS my_status, mine.role AS my_role
             FROM groups g LEFT JOIN group_members mine ON mine.group_id = g.id AND mine.member_id = ?
             WHERE {} ORDER BY g.name COLLATE NOCASE, g.id",
            reader.sees_group()
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(reader.member_id.unwrap_or(0))
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows
            .iter()
            .map(|row| {
                let mine = row.get::<Option<String>, _>("my_status").zip(row.get::<Option<String>, _>("my_role"));
                (group_row(row), membership(mine))
            })
            .collect())
    }

    /// A new group; `None` if the slug is taken.
    pub async fn create_group(
        &self,
        slug: &str,
        name: &str,
        description: &str,
        kind: GroupKind,
    ) -> anyhow::Result<Option<i64>> {
        let done = sqlx::query(
            "INSERT INTO groups (slug, name, description, kind, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(slug)
        .bind(name.trim())
        .bind(description.trim())
        .bind(kind.as_str())
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok((done.rows_affected() > 0).then(|| done.last_insert_rowid()))
    }

    /// Changes what is given; `russian` sets the Russian name and description (empty: none).
    pub async fn update_group(
        &self,
        id: i64,
        name: Option<&str>,
        description: Option<&str>,
        russian: Option<&NameText>,
        kind: Option<GroupKind>,
    ) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        // The group's own space (made with it, so named and described as it was) follows new
        // words in either language; a space given other words keeps them.
        let words = [
            ("name", name),
            ("description", description),
            ("name_ru", russian.map(|r| r.name.as_str())),
            ("description_ru", russian.map(|r| r.description.as_str())),
        ];
        for (column, value) in words {
            let Some(value) = value else { continue };
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE spaces SET {column} = ?
                 WHERE group_id = ? AND {column} = (SELECT {column} FROM groups WHERE id = ?)"
            )))
            .bind(value.trim())
            .bind(id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE groups SET name = COALESCE(?, name), description = COALESCE(?, description),
                               name_ru = COALESCE(?, name_ru), description_ru = COALESCE(?, description_ru),
                               kind = COALESCE(?, kind) WHERE id = ?",
        )
        .bind(name.map(str::trim))
        .bind(description.map(str::trim))
        .bind(russian.map(|r| r.name.trim()))
        .bind(russian.map(|r| r.description.trim()))
        .bind(kind.map(GroupKind::as_str))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Active members (`requested: false`: admins first, by name) or pending requests (`true`:
    /// oldest first, as a queue).
    pub async fn group_members(
        &self,
        group: i64,
        requested: bool,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<GroupMemberRow>, bool)> {
        let columns = super::members::member_columns_of("m");
        let order = if requested {
            "gm.created_at, m.id"
        } else {
            "gm.role = 'admin' DESC, m.display_name COLLATE NOCASE, m.id"
        };
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {columns}, gm.role AS gm_role, gm.created_at AS gm_since, gm.decided_at AS gm_decided
             FROM group_members gm JOIN members m ON m.id = gm.member_id
             WHERE gm.group_id = ? AND gm.status = ?
             ORDER BY {order} LIMIT ? OFFSET ?"
        )))
        .bind(group)
        .bind(if requested { "requested" } else { "active" })
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let (rows, more) = page_of(rows, limit);
        let members = rows
            .iter()
            .map(|row| -> anyhow::Result<GroupMemberRow> {
                Ok(GroupMemberRow {
                    member: sqlx::FromRow::from_row(row)?,
                    role: GroupRole::parse(row.get("gm_role")),
                    since: row.get::<Option<String>, _>("gm_decided").unwrap_or_else(|| row.get("gm_since")),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok((members, more))
    }

    /// Makes the member an active member (or admin) of the group at once; a pending request
    /// is granted, an admin stays an admin unless `role` says otherwise.
    pub async fn put_member(&self, group: i64, member: i64, role: GroupRole, by: Option<i64>) -> anyhow::Result<()> {
        let now = clock::now();
        sqlx::query(
            "INSERT INTO group_members (group_id, member_id, role, status, created_at, decided_at, decided_by)
             VALUES (?1, ?2, ?3, 'active', ?4, ?4, ?5)
             ON CONFLICT (group_id, member_id) DO UPDATE SET role = excluded.role, status = 'active',
                decided_at = COALESCE(group_members.decided_at, excluded.decided_at),
                decided_by = COALESCE(group_members.decided_by, excluded.decided_by)",
        )
        .bind(group)
        .bind(member)
        .bind(role.as_str())
        .bind(now)
        .bind(by)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Asks to join; an existing row (member or request) stays as it is.
    pub async fn request_membership(&self, group: i64, member: i64) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO group_members (group_id, member_id, role, status, created_at)
             VALUES (?, ?, 'member', 'requested', ?) ON CONFLICT (group_id, member_id) DO NOTHING",
        )
        .bind(group)
        .bind(member)
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Leaves the group or withdraws a request.
    /// The member is the group's only active admin (a group never loses its last one).
    pub async fn is_last_admin(&self, group: i64, member: i64) -> anyhow::Result<bool> {
        let admins: Vec<i64> = sqlx::query_scalar(
            "SELECT member_id FROM group_members WHERE group_id = ? AND role = 'admin' AND status = 'active'",
        )
        .bind(group)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(admins == [member])
    }

    pub async fn leave_group(&self, group: i64, member: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM group_members WHERE group_id = ? AND member_id = ?")
            .bind(group)
            .bind(member)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Approves (the member becomes active) or declines (the request is dropped) a pending
    /// request and tells the member, in one transaction; `false` if there was no such request.
    pub async fn decide_request(
        &self,
        group: &GroupRow,
        member: i64,
        decision: Decision,
        admin: i64,
    ) -> anyhow::Result<bool> {
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let done = if decision == Decision::Approve {
            sqlx::query(
                "UPDATE group_members SET status = 'active', decided_at = ?, decided_by = ?
                 WHERE group_id = ? AND member_id = ? AND status = 'requested'",
            )
            .bind(&now)
            .bind(admin)
            .bind(group.id)
            .bind(member)
            .execute(&mut *tx)
            .await?
        } else {
            sqlx::query("DELETE FROM group_members WHERE group_id = ? AND member_id = ? AND status = 'requested'")
                .bind(group.id)
                .bind(member)
                .execute(&mut *tx)
                .await?
        };
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let text = match decision {
            Decision::Approve => "approved",
            _ => "declined",
        };
        let notification = NewNotification {
            kind: NotificationKind::GroupAccess,
            title: &group.name,
            text,
            link: &format!("/groups/{}", group.slug),
            actor_id: Some(admin),
            // About the group itself, which the requester may see: not scoped to its content.
            group_id: None,
        };
        notifications::insert(&mut tx, &self.mail_links, &[member], &notification).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The group a space's threads belong to.
    pub async fn space_group(&self, space: i64) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT group_id FROM spaces WHERE id = ?")
            .bind(space)
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }

    /// Puts a space, and every thread in it, into a group.
    pub async fn set_space_group(&self, space: i64, group: i64) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE spaces SET group_id = ? WHERE id = ?").bind(group).bind(space).execute(&mut *tx).await?;
        sqlx::query("UPDATE threads SET group_id = ? WHERE space_id = ?")
            .bind(group)
            .bind(space)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Puts an idea (with its discussion) into a group.
    pub async fn set_idea_group(&self, idea: i64, group: Option<i64>) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE ideas SET group_id = ? WHERE id = ?").bind(group).bind(idea).execute(&mut *tx).await?;
        sqlx::query("UPDATE threads SET group_id = ? WHERE id = (SELECT discussion_id FROM ideas WHERE id = ?)")
            .bind(group)
            .bind(idea)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_event_group(&self, event: i64, group: Option<i64>) -> anyhow::Result<()> {
        sqlx::query("UPDATE events SET group_id = ? WHERE id = ?")
            .bind(group)
            .bind(event)
            .execute(&mut *self.conn().await?)
            .await?;
        // The article made from its report is read by the same people.
        sqlx::query("UPDATE kb_articles SET group_id = ? WHERE event_id = ?")
            .bind(group)
            .bind(event)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}
