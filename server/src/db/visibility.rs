//! The SQL side of who may see what: a [`Reader`] writes the conditions every list and count of
//! group content adds to its statement. The rules themselves (and the single-item checks) are
//! described in `access`, which builds on these conditions.

use super::MemberRow;

/// Who is reading, as far as groups are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reader {
    pub member_id: Option<i64>,
    pub moderator: bool,
    pub staff: bool,
}

impl Reader {
    pub const GUEST: Reader = Reader { member_id: None, moderator: false, staff: false };

    pub fn member(member: &MemberRow) -> Reader {
        let access = member.access();
        Reader { member_id: Some(member.id), moderator: access.can_moderate(), staff: access.is_staff() }
    }

    /// The ids of the groups this reader is an active member of, as a sub-select.
    fn memberships(&self) -> Option<String> {
        self.member_id.map(|id| {
            format!("SELECT gm.group_id FROM group_members gm WHERE gm.member_id = {id} AND gm.status = 'active'")
        })
    }

    /// SQL condition: the row whose group id is in `column` may be read by this reader. The only
    /// value written into the text is the member's integer id.
    pub fn visible(&self, column: &str) -> String {
        if self.staff {
            return "1 = 1".to_owned();
        }
        let mut readable = vec!["g.kind = 'open'".to_owned()];
        if self.moderator {
            readable.push("g.kind = 'closed'".to_owned());
        }
        if let Some(memberships) = self.memberships() {
            readable.push(format!("g.id IN ({memberships})"));
        }
        format!("({column} IS NULL OR {column} IN (SELECT g.id FROM groups g WHERE {}))", readable.join(" OR "))
    }

    /// SQL condition: the reader may take part in (start threads in, reply to) content whose
    /// group id is in `column` — community-wide content for any member, a group's for its
    /// members, everything for staff, nothing for a guest. As [`GroupAccess::can_post`].
    pub fn takes_part(&self, column: &str) -> String {
        if self.staff {
            return "1 = 1".to_owned();
        }
        match self.memberships() {
            Some(memberships) => format!("({column} IS NULL OR {column} IN ({memberships}))"),
            None => "0 = 1".to_owned(),
        }
    }

    /// SQL condition on a `groups` row aliased `g`: the group itself may be seen (not secret,
    /// or the reader belongs to it).
    pub fn sees_group(&self) -> String {
        if self.staff {
            return "1 = 1".to_owned();
        }
        match self.memberships() {
            Some(memberships) => format!("(g.kind <> 'secret' OR g.id IN ({memberships}))"),
            None => "g.kind <> 'secret'".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEMBER: Reader = Reader { member_id: Some(7), moderator: false, staff: false };
    const MODERATOR: Reader = Reader { member_id: Some(8), moderator: true, staff: false };
    const STAFF: Reader = Reader { member_id: Some(9), moderator: true, staff: true };

    #[test]
    fn the_sql_condition_names_only_the_readers_groups() {
        assert_eq!(STAFF.visible("t.group_id"), "1 = 1");
        let guest = Reader::GUEST.visible("t.group_id");
        assert!(guest.contains("g.kind = 'open'") && !guest.contains("closed") && !guest.contains("group_members"));
        assert!(MODERATOR.visible("i.group_id").contains("g.kind = 'closed'"));
        assert!(MEMBER.visible("e.group_id").contains("gm.member_id = 7"));
    }
}
