//! Who hears about what: the fan-out of new posts (replies to one's thread, `@handle` mentions)
//! and of event changes. Ideas' statuses, cancellations and waitlist promotions are told inside
//! the transactions that make them (`db::ideas`, `db::events`).

use veche_api::notifications::NotificationKind;

use crate::access::{GroupAccess, Reader};
use crate::db::events::{EventRow, LOCAL_FORMAT};
use crate::db::notifications::NewNotification;
use crate::db::threads::ThreadRow;
use crate::db::{Db, MemberRow};

/// Most members one post can mention (more are not told: a post is not a mailing list).
pub const MENTIONS_PER_POST_MAX: usize = 20;

/// The handles written as `@handle` in a text, lower-cased, each once, in order of appearance.
/// An `@` inside a word (an e-mail address) is no mention.
pub fn mentioned_handles(text: &str) -> Vec<String> {
    let mut handles: Vec<String> = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let starts_mention = c == '@' && !previous.is_some_and(|p| p.is_alphanumeric() || "_-.@/".contains(p));
        previous = Some(c);
        if !starts_mention {
            continue;
        }
        let tail = &text[at + 1..];
        let length = tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(tail.len());
        let handle = tail[..length].to_ascii_lowercase();
        if veche_api::validate::handle(&handle).is_none() && !handles.contains(&handle) {
            handles.push(handle);
        }
    }
    handles.truncate(MENTIONS_PER_POST_MAX);
    handles
}

/// Whether `member` may read `thread`, so that nobody hears of a post they could not open: the
/// community's one access rule (`access`) decides for group content.
async fn may_see_thread(db: &Db, member: &MemberRow, thread: &ThreadRow) -> anyhow::Result<bool> {
    if thread.deleted {
        return Ok(false);
    }
    let Some(group) = thread.group_id else { return Ok(true) };
    Ok(GroupAccess::load(db, Reader::member(member), group).await?.is_none_or(|access| access.can_read()))
}

/// Tells `to` of a post (`reply_id` for a reply, none for the opening post) by `author`.
async fn tell(
    db: &Db,
    kind: NotificationKind,
    to: &[i64],
    thread: &ThreadRow,
    reply_id: Option<i64>,
    author: i64,
    text: &str,
) -> anyhow::Result<()> {
    let link = match reply_id {
        Some(reply) => format!("/threads/{}#reply-{reply}", thread.id),
        None => format!("/threads/{}", thread.id),
    };
    let notification = NewNotification {
        kind,
        title: &thread.title,
        text,
        link: &link,
        actor_id: Some(author),
        group_id: thread.group_id,
    };
    db.notify(to, &notification).await
}

/// Tells the members named by `handles` (who may read the thread, besides the author) that the
/// post mentions them; answers who was told.
async fn tell_mentioned(
    db: &Db,
    thread: &ThreadRow,
    reply_id: Option<i64>,
    author: i64,
    text: &str,
    handles: Vec<String>,
) -> anyhow::Result<Vec<i64>> {
    let mut mentioned = Vec::new();
    for handle in handles {
        if let Some(member) = db.member_by_handle(&handle).await?
            && member.id != author
            && may_see_thread(db, &member, thread).await?
        {
            mentioned.push(member.id);
        }
    }
    tell(db, NotificationKind::Mention, &mentioned, thread, reply_id, author, text).await?;
    Ok(mentioned)
}

/// A new post (`reply_id` for a reply, none for the thread's opening post) by `author`: the
/// thread's author hears of a reply, every member it mentions hears of the mention (once,
/// instead of the reply), nobody hears of their own post.
pub async fn post_published(
    db: &Db,
    thread: &ThreadRow,
    reply_id: Option<i64>,
    author: i64,
    text: &str,
) -> anyhow::Result<()> {
    let mentioned = tell_mentioned(db, thread, reply_id, author, text, mentioned_handles(text)).await?;
    let thread_author = thread.author_id;
    if reply_id.is_none() || thread_author == author || mentioned.contains(&thread_author) {
        return Ok(());
    }
    if let Some(member) = db.member_by_id(thread_author).await?
        && may_see_thread(db, &member, thread).await?
    {
        tell(db, NotificationKind::Reply, &[thread_author], thread, reply_id, author, text).await?;
    }
    Ok(())
}

/// An edited post: members mentioned now and not before hear of it (those named before already
/// did).
pub async fn post_edited(
    db: &Db,
    thread: &ThreadRow,
    reply_id: Option<i64>,
    author: i64,
    before: &str,
    after: &str,
) -> anyhow::Result<()> {
    let earlier = mentioned_handles(before);
    let added = mentioned_handles(after).into_iter().filter(|h| !earlier.contains(h)).collect();
    tell_mentioned(db, thread, reply_id, author, after, added).await?;
    Ok(())
}

/// What changed about an event for those who answered it, in words (the new time, the new
/// place); `None` when neither did.
pub fn event_change(before: &EventRow, after: &EventRow) -> Option<String> {
    let time_changed = before.starts_local != after.starts_local
        || before.ends_local != after.ends_local
        || before.zone != after.zone
        || before.all_day != after.all_day
        || before.recurrence != after.recurrence;
    let place = |event: &EventRow| {
        [&event.address, &event.city, &event.region, &event.online_url]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut changes = Vec::new();
    if time_changed {
        changes.push(format!("{} ({})", after.starts_local.format(LOCAL_FORMAT), after.zone.name()).replace('T', " "));
    }
    let new_place = place(after);
    if new_place != place(before) {
        changes.push(new_place);
    }
    (!changes.is_empty()).then(|| changes.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_handles_after_an_at_each_once() {
        assert_eq!(mentioned_handles("Thanks @anna and @Oleg! @anna again"), vec!["anna", "oleg"]);
        assert_eq!(mentioned_handles("(@maria_k), @ivan-p."), vec!["maria_k", "ivan-p"]);
    }

    #[test]
    fn addresses_and_impossible_handles_are_no_mentions() {
        assert!(mentioned_handles("write to anna@example.org").is_empty());
        assert!(mentioned_handles("@ab is too short, @1abc starts with a digit, @ alone").is_empty());
        assert!(mentioned_handles("https://x.example/@anna").is_empty());
    }

    #[test]
    fn one_post_mentions_at_most_the_limit() {
        let text: String = (0..50).map(|n| format!("@member{n} ")).collect();
        assert_eq!(mentioned_handles(&text).len(), MENTIONS_PER_POST_MAX);
    }

    proptest::proptest! {
        #[test]
        fn every_mention_is_a_valid_distinct_handle(text in "[a-zA-Z0-9@ ._-]{0,200}") {
            let handles = mentioned_handles(&text);
            for (n, handle) in handles.iter().enumerate() {
                proptest::prop_assert!(veche_api::validate::handle(handle).is_none());
                proptest::prop_assert!(!handles[..n].contains(handle));
            }
        }
    }
}
