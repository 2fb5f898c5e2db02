//! What reaches each member by e-mail, and the mail of a notification: queued with it when the
//! member gets its kind immediately, left waiting for the daily digest when daily.

use sqlx::{AssertSqlSafe, Row, SqliteConnection};
use veche_api::member::Access;
use veche_api::notifications::{Delivery, MailPreferences, MailTopic};

use super::Db;
use super::mail::enqueue;
use super::notifications::NewNotification;
use super::visibility::Reader;
use crate::clock;
use crate::mail::MailLinks;
use crate::mail::notices::{self, NoticeItem, Recipient};

/// Where a notification's mail is (`notifications.mail_state`).
pub(super) const MAILED: &str = "mailed";
pub(super) const WAITS_FOR_DIGEST: &str = "digest";
pub(super) const DIGESTED: &str = "digested";

/// A member as mail needs them.
pub(super) struct MailRecipient {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub locale: veche_api::Locale,
    pub reader: Reader,
    pub preferences: MailPreferences,
}

impl MailRecipient {
    pub fn recipient(&self) -> Recipient<'_> {
        Recipient { member_id: self.id, name: &self.name, email: &self.email, locale: self.locale }
    }
}

/// Preferences from a row's columns; a missing row (NULLs of a LEFT JOIN) is the defaults.
fn preferences_of(row: &sqlx::sqlite::SqliteRow) -> MailPreferences {
    let defaults = MailPreferences::default();
    let delivery = |column: &str, default: Delivery| {
        row.get::<Option<String>, _>(column).map_or(default, |wire| Delivery::parse(&wire))
    };
    MailPreferences {
        replies: delivery("replies", defaults.replies),
        mentions: delivery("mentions", defaults.mentions),
        idea_status: delivery("idea_status", defaults.idea_status),
        events: delivery("events", defaults.events),
        group_decisions: delivery("group_decisions", defaults.group_decisions),
        weekly_digest: row.get::<Option<bool>, _>("weekly_digest").unwrap_or(defaults.weekly_digest),
    }
}

/// The member `id` if mail may reach them: a confirmed address, not hidden by moderators.
pub(super) async fn mail_recipient(
    connection: &mut SqliteConnection,
    id: i64,
) -> anyhow::Result<Option<MailRecipient>> {
    let row = sqlx::query(
        "SELECT m.id, m.display_name, m.email, m.locale, m.access,
                p.replies, p.mentions, p.idea_status, p.events, p.group_decisions, p.weekly_digest
         FROM members m LEFT JOIN mail_preferences p ON p.member_id = m.id
         WHERE m.id = ? AND m.email_verified_at IS NOT NULL AND m.hidden_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *connection)
    .await?;
    Ok(row.map(|row| {
        let access = Access::parse(row.get("access"));
        MailRecipient {
            id: row.get("id"),
            name: row.get("display_name"),
            email: row.get("email"),
            locale: veche_api::Locale::from_tag(row.get("locale")).unwrap_or_default(),
            reader: Reader { member_id: Some(id), moderator: access.can_moderate(), staff: access.is_staff() },
            preferences: preferences_of(&row),
        }
    }))
}

/// Whether `reader` may read content of `group_id` now (no group: everyone may).
pub(super) async fn may_read_group(
    connection: &mut SqliteConnection,
    reader: Reader,
    group_id: Option<i64>,
) -> anyhow::Result<bool> {
    let Some(group) = group_id else { return Ok(true) };
    // The condition names the group by its integer id, as `Reader::visible` does with columns.
    let readable: bool = sqlx::query_scalar(AssertSqlSafe(format!("SELECT {}", reader.visible(&group.to_string()))))
        .fetch_one(&mut *connection)
        .await?;
    Ok(readable)
}

pub(super) async fn community_name(connection: &mut SqliteConnection) -> anyhow::Result<String> {
    let name: Option<String> =
        sqlx::query_scalar("SELECT name FROM community WHERE id = 1").fetch_optional(&mut *connection).await?;
    Ok(name.unwrap_or_else(|| "Veche".to_owned()))
}

/// The mail of a notification for `member`, decided inside the transaction that stores it:
/// queued now (the member gets the kind immediately), left for the daily digest, or none (the
/// member gets none of it, cannot be mailed, or may not read the group it is about). Answers
/// the notification's `mail_state`.
pub(super) async fn mail_notification(
    connection: &mut SqliteConnection,
    links: &MailLinks,
    member: i64,
    notification: &NewNotification<'_>,
    excerpt: &str,
) -> anyhow::Result<Option<&'static str>> {
    let Some(topic) = MailTopic::of_kind(notification.kind) else { return Ok(None) };
    let Some(recipient) = mail_recipient(connection, member).await? else { return Ok(None) };
    if !may_read_group(connection, recipient.reader, notification.group_id).await? {
        return Ok(None);
    }
    match recipient.preferences.delivery(topic) {
        Delivery::Immediately => {
            let actor: Option<String> = match notification.actor_id {
                Some(actor) => {
                    sqlx::query_scalar("SELECT display_name FROM members WHERE id = ?")
                        .bind(actor)
                        .fetch_optional(&mut *connection)
                        .await?
                }
                None => None,
            };
            let item = NoticeItem {
                kind: notification.kind,
                title: notification.title.to_owned(),
                excerpt: excerpt.to_owned(),
                actor,
                link: notification.link.to_owned(),
            };
            let community = community_name(connection).await?;
            let Some(mail) = notices::notice_mail(links, &community, &recipient.recipient(), &item) else {
                return Ok(None);
            };
            enqueue(connection, &mail, &links.domain).await?;
            Ok(Some(MAILED))
        }
        Delivery::Daily => Ok(Some(WAITS_FOR_DIGEST)),
        Delivery::Never | Delivery::Unknown => Ok(None),
    }
}

impl Db {
    /// The member's mail preferences (the defaults until they choose).
    pub async fn mail_preferences(&self, member: i64) -> anyhow::Result<MailPreferences> {
        let row = sqlx::query(
            "SELECT replies, mentions, idea_status, events, group_decisions, weekly_digest
             FROM mail_preferences WHERE member_id = ?",
        )
        .bind(member)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.as_ref().map_or_else(MailPreferences::default, preferences_of))
    }

    /// Stores the member's preferences as a whole. The weekly digest remembers when it was
    /// switched on (weeks that ended before are not sent).
    pub async fn save_mail_preferences(&self, member: i64, preferences: &MailPreferences) -> anyhow::Result<()> {
        let now = clock::now();
        sqlx::query(
            "INSERT INTO mail_preferences
                 (member_id, replies, mentions, idea_status, events, group_decisions, weekly_digest, weekly_since, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ? END, ?)
             ON CONFLICT (member_id) DO UPDATE SET
                 replies = excluded.replies, mentions = excluded.mentions, idea_status = excluded.idea_status,
                 events = excluded.events, group_decisions = excluded.group_decisions,
                 weekly_since = CASE WHEN excluded.weekly_digest = 0 THEN NULL
                                     WHEN mail_preferences.weekly_digest = 1 THEN mail_preferences.weekly_since
                                     ELSE excluded.weekly_since END,
                 weekly_digest = excluded.weekly_digest, updated_at = excluded.updated_at",
        )
        .bind(member)
        .bind(preferences.replies.as_str())
        .bind(preferences.mentions.as_str())
        .bind(preferences.idea_status.as_str())
        .bind(preferences.events.as_str())
        .bind(preferences.group_decisions.as_str())
        .bind(preferences.weekly_digest)
        .bind(preferences.weekly_digest)
        .bind(&now)
        .bind(&now)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Sets `topics` of `member` to `delivery` (an unsubscribe link); `false` when there is no
    /// such member.
    pub async fn set_mail_topics(&self, member: i64, topics: &[MailTopic], delivery: Delivery) -> anyhow::Result<bool> {
        if self.member_by_id(member).await?.is_none() {
            return Ok(false);
        }
        let mut preferences = self.mail_preferences(member).await?;
        for topic in topics {
            preferences.set(*topic, delivery);
        }
        self.save_mail_preferences(member, &preferences).await?;
        Ok(true)
    }
}
