//! `GET /kpis`: the staff's community health numbers. Months are calendar months in UTC.

use serde::{Deserialize, Serialize};

use crate::surveys::Tally;

/// The periods the page offers, in months back from the current one (which is included).
pub const PERIODS: [u32; 2] = [6, 12];
/// The period shown when none is asked for.
pub const DEFAULT_MONTHS: u32 = 6;
/// How far back a member's last activity counts as "active".
pub const ACTIVE_DAYS: i64 = 30;

/// Whether `months` is one of the periods the contract allows.
pub fn is_period(months: u32) -> bool {
    PERIODS.contains(&months)
}

/// Members active in the last [`ACTIVE_DAYS`] days: they posted a thread or a reply, voted for
/// an idea, proposed an idea, answered an event (any RSVP) or answered a survey in the community.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub active_members: u64,
    pub members: u64,
    /// `active_members / members` in percent, unrounded; absent while there are no members.
    #[serde(default)]
    pub rate: Option<f64>,
}

impl Participation {
    pub fn of(active_members: u64, members: u64) -> Participation {
        Participation { active_members, members, rate: participation_rate(active_members, members) }
    }

    /// The rate as shown: a whole percent, half up.
    pub fn rate_rounded(&self) -> Option<u32> {
        self.rate.map(|rate| rate.round() as u32)
    }
}

/// `active / members` in percent; `None` for a community without members (no division by zero).
/// More active members than members (cannot happen, but counts come from separate queries) is
/// capped at 100 %.
pub fn participation_rate(active: u64, members: u64) -> Option<f64> {
    (members > 0).then(|| 100.0 * active.min(members) as f64 / members as f64)
}

/// One calendar month of the series.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KpiMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Ideas created in the month.
    pub ideas_proposed: u64,
    /// Ideas whose status became "implemented" in the month.
    pub ideas_implemented: u64,
    /// Dates of events (each date of a series counts) that started in the month, before now, not cancelled.
    pub events_held: u64,
    /// "Going" answers for those dates.
    pub attendance: u64,
    /// Answers to the NPS surveys (not eNPS) given in the month, by group.
    pub nps_tally: Tally,
    /// Their NPS, unrounded; absent without answers.
    #[serde(default)]
    pub nps: Option<f64>,
}

/// `GET /kpis?months=6|12`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// The period asked for.
    pub months: u32,
    pub participation: Participation,
    /// Exactly `months` months, oldest first, the current one last; months without data are zeros.
    pub series: Vec<KpiMonth>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_members_is_no_rate_rather_than_a_division_by_zero() {
        assert_eq!(participation_rate(0, 0), None);
        assert_eq!(Participation::of(0, 0).rate_rounded(), None);
    }

    #[test]
    fn the_rate_is_the_share_of_active_members_in_percent() {
        assert_eq!(participation_rate(0, 7), Some(0.0));
        assert_eq!(participation_rate(7, 7), Some(100.0));
        assert_eq!(participation_rate(1, 4), Some(25.0));
        assert_eq!(Participation::of(1, 3).rate_rounded(), Some(33));
        assert_eq!(Participation::of(2, 3).rate_rounded(), Some(67));
        assert_eq!(participation_rate(9, 3), Some(100.0), "capped");
    }

    #[test]
    fn only_six_and_twelve_months_are_periods() {
        assert!(is_period(6) && is_period(12));
        assert!(!is_period(0) && !is_period(7) && !is_period(24));
        assert!(is_period(DEFAULT_MONTHS));
    }
}
