//! The one permission check for group content. Every path that lists, counts or shows threads,
//! replies, ideas or events asks here: lists and counts through [`Reader::visible`] (one SQL
//! condition on the content's `group_id`), single items and mutations through [`read_gate`]
//! and [`post_gate`].
//!
//! The rules: content outside any group is for everyone. An open group's content is read by
//! everyone, posted to by its members. A closed group is visible to all, its content only to its
//! members, moderators and staff. A secret group does not exist (404) for anyone but its members
//! and staff. Staff see and do everything.

use veche_api::groups::{GroupGate, GroupKind, GroupRef, Membership};

use crate::db::groups::GroupRow;
pub use crate::db::visibility::Reader;
use crate::db::{Db, MemberRow};

/// Why the reader may not go on. `http::error` answers each as its problem; this layer knows
/// nothing of HTTP.
#[derive(Debug)]
pub enum Refusal {
    /// The content (or its secret group) does not exist for this reader.
    NotFound,
    /// The content is in a closed group the reader may see but not read.
    MembersOnly(GroupGate),
    /// The reader may read but not do this; the reason, in English.
    Forbidden(&'static str),
    /// A list's `group` filter names no group this reader may see.
    NoSuchGroup,
    /// The database failed while checking.
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for Refusal {
    fn from(error: anyhow::Error) -> Self {
        Refusal::Failed(error)
    }
}

pub type AccessResult<T> = Result<T, Refusal>;

/// One group and the reader's standing in it: the questions every path asks.
#[derive(Clone, Debug)]
pub struct GroupAccess {
    pub group: GroupRow,
    pub membership: Membership,
    pub reader: Reader,
}

impl GroupAccess {
    pub async fn load(db: &Db, reader: Reader, group_id: i64) -> anyhow::Result<Option<GroupAccess>> {
        let Some(group) = db.group(group_id).await? else { return Ok(None) };
        let membership = match reader.member_id {
            Some(member) => db.membership(group_id, member).await?,
            None => Membership::None,
        };
        Ok(Some(GroupAccess { group, membership, reader }))
    }

    fn is_member(&self) -> bool {
        matches!(self.membership, Membership::Member | Membership::Admin)
    }

    pub fn can_see_group(&self) -> bool {
        self.reader.staff || self.group.kind != GroupKind::Secret || self.is_member()
    }

    /// The group's threads, replies, ideas and events.
    pub fn can_read(&self) -> bool {
        self.reader.staff
            || self.is_member()
            || self.group.kind == GroupKind::Open
            || (self.group.kind == GroupKind::Closed && self.reader.moderator)
    }

    /// Start threads, reply, vote, give kudos, answer an invitation.
    pub fn can_post(&self) -> bool {
        self.reader.staff || self.is_member()
    }

    /// Edit the group, decide requests, change roles.
    pub fn can_manage(&self) -> bool {
        self.reader.staff || self.membership == Membership::Admin
    }

    /// The answer to someone who may see the group but not read its content.
    fn members_only(&self) -> Refusal {
        Refusal::MembersOnly(GroupGate {
            group: self.group.reference(),
            can_request: self.reader.member_id.is_some()
                && self.membership == Membership::None
                && self.group.kind != GroupKind::Secret,
            requested: self.membership == Membership::Requested,
        })
    }

    /// Refuses what the reader may not see: a secret group is not found, a closed one answers
    /// `members_only`.
    pub fn require_read(&self) -> AccessResult<()> {
        if self.can_read() {
            Ok(())
        } else if self.can_see_group() {
            Err(self.members_only())
        } else {
            Err(Refusal::NotFound)
        }
    }

    pub fn require_post(&self) -> AccessResult<()> {
        self.require_read()?;
        if self.can_post() {
            Ok(())
        } else {
            Err(Refusal::Forbidden("Only the group's members can take part here; join the group first."))
        }
    }
}

/// What a path is about to do with a piece of content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Show it (or anything about it: replies, attendees, a calendar file).
    Read,
    /// Reply, vote, give kudos, answer an invitation.
    TakePart,
}

/// The check every single-item path makes on the content's group (none: community-wide
/// content, which everyone reads). Answers the group with the reader's standing in it, for the
/// content's view and its permissions.
pub async fn gate(db: &Db, reader: Reader, group_id: Option<i64>, need: Need) -> AccessResult<Option<GroupAccess>> {
    let Some(group_id) = group_id else { return Ok(None) };
    let Some(access) = GroupAccess::load(db, reader, group_id).await? else { return Ok(None) };
    match need {
        Need::Read => access.require_read()?,
        Need::TakePart => access.require_post()?,
    }
    Ok(Some(access))
}

/// The reader may take part in content of this group (community-wide content: yes).
pub fn may_take_part(access: Option<&GroupAccess>) -> bool {
    access.is_none_or(GroupAccess::can_post)
}

/// The group a piece of content shows it belongs to.
pub fn group_ref(access: Option<&GroupAccess>) -> Option<GroupRef> {
    access.map(|a| a.group.reference())
}

/// A `group` list filter (slug or id): a group the reader may not see is no such group.
pub async fn group_filter(db: &Db, reader: Reader, group: Option<&str>) -> AccessResult<Option<i64>> {
    let Some(text) = group.filter(|g| !g.is_empty()) else { return Ok(None) };
    let found = match db.group_by_slug(text).await? {
        Some(group) => Some(group),
        None => match text.parse::<i64>() {
            Ok(id) => db.group(id).await?,
            Err(_) => None,
        },
    };
    let Some(group) = found else {
        return Err(Refusal::NoSuchGroup);
    };
    let access = GroupAccess::load(db, reader, group.id).await?;
    match access {
        Some(access) if access.can_see_group() => Ok(Some(group.id)),
        _ => Err(Refusal::NoSuchGroup),
    }
}

/// Whether `viewer` gets hidden content (marked hidden) rather than the placeholder: its author
/// and moderators do.
pub fn sees_hidden(viewer: Option<&MemberRow>, author_id: i64) -> bool {
    viewer.is_some_and(|v| v.id == author_id || v.access().can_moderate())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(kind: GroupKind, membership: Membership, reader: Reader) -> GroupAccess {
        let group = GroupRow {
            id: 1,
            slug: "g".into(),
            name: "G".into(),
            description: String::new(),
            translations: Default::default(),
            kind,
            created_at: String::new(),
            member_count: 0,
        };
        GroupAccess { group, membership, reader }
    }

    const MEMBER: Reader = Reader { member_id: Some(7), moderator: false, staff: false };
    const MODERATOR: Reader = Reader { member_id: Some(8), moderator: true, staff: false };
    const STAFF: Reader = Reader { member_id: Some(9), moderator: true, staff: true };

    #[test]
    fn closed_content_is_for_members_moderators_and_staff() {
        let outsider = access(GroupKind::Closed, Membership::None, MEMBER);
        assert!(outsider.can_see_group() && !outsider.can_read());
        assert!(matches!(outsider.require_read(), Err(Refusal::MembersOnly(gate)) if gate.can_request));
        let requester = access(GroupKind::Closed, Membership::Requested, MEMBER);
        assert!(
            matches!(requester.require_read(), Err(Refusal::MembersOnly(gate)) if !gate.can_request && gate.requested)
        );
        assert!(access(GroupKind::Closed, Membership::Member, MEMBER).can_post());
        let moderator = access(GroupKind::Closed, Membership::None, MODERATOR);
        assert!(moderator.can_read() && !moderator.can_post());
        assert!(access(GroupKind::Closed, Membership::None, STAFF).can_post());
        let guest = access(GroupKind::Closed, Membership::None, Reader::GUEST);
        assert!(matches!(guest.require_read(), Err(Refusal::MembersOnly(gate)) if !gate.can_request));
    }

    #[test]
    fn secret_groups_do_not_exist_for_outsiders_not_even_moderators() {
        for reader in [Reader::GUEST, MEMBER, MODERATOR] {
            let outsider = access(GroupKind::Secret, Membership::None, reader);
            assert!(!outsider.can_see_group());
            assert!(matches!(outsider.require_read(), Err(Refusal::NotFound)));
        }
        assert!(access(GroupKind::Secret, Membership::Member, MEMBER).require_post().is_ok());
        assert!(access(GroupKind::Secret, Membership::None, STAFF).require_post().is_ok());
    }

    #[test]
    fn open_content_is_read_by_all_and_posted_by_members() {
        let guest = access(GroupKind::Open, Membership::None, Reader::GUEST);
        assert!(guest.require_read().is_ok());
        assert!(matches!(access(GroupKind::Open, Membership::None, MEMBER).require_post(), Err(Refusal::Forbidden(_))));
        assert!(access(GroupKind::Open, Membership::Member, MEMBER).require_post().is_ok());
    }

    #[test]
    fn only_group_admins_and_staff_manage() {
        assert!(access(GroupKind::Closed, Membership::Admin, MEMBER).can_manage());
        assert!(!access(GroupKind::Closed, Membership::Member, MEMBER).can_manage());
        assert!(!access(GroupKind::Closed, Membership::None, MODERATOR).can_manage());
        assert!(access(GroupKind::Secret, Membership::None, STAFF).can_manage());
    }
}
