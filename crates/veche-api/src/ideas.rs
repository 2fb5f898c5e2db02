//! The idea board: ideas and their statuses, votes with a budget, official answers, merging
//! duplicates, the roadmap, counters and SASware-style ballots.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::names::Translations;
use crate::validate::{self, FieldErrors, Issue};

crate::open_enum! {
    /// Where an idea stands. Staff move it; an answer explains each move.
    pub enum IdeaStatus {
        New = "new",
        UnderReview = "under_review",
        Planned = "planned",
        InProgress = "in_progress",
        Implemented = "implemented",
        Declined = "declined",
        /// Merged into another idea, which carries its votes.
        Duplicate = "duplicate",
    }
}

impl IdeaStatus {
    /// Open ideas take votes, and votes on them count against the member's budget. When an idea
    /// closes (implemented, declined, merged) its votes come back to their members; the idea
    /// keeps its count.
    pub fn is_open(self) -> bool {
        matches!(self, IdeaStatus::New | IdeaStatus::UnderReview | IdeaStatus::Planned | IdeaStatus::InProgress)
    }
}

crate::open_enum! {
    pub enum IdeaSort {
        /// Most votes.
        Top = "top",
        /// Most votes in the last 14 days.
        Trending = "trending",
        Newest = "newest",
        /// Most comments.
        Discussed = "discussed",
    }
}

/// Days of votes that make an idea "trending".
pub const TRENDING_DAYS: i64 = 14;

/// A member's votes: how many the community allows (0 = no limit) and how many are in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteBudget {
    pub budget: i64,
    pub used: i64,
    /// `None` when there is no limit.
    pub left: Option<i64>,
}

impl VoteBudget {
    pub fn new(budget: i64, used: i64) -> Self {
        let left = (budget > 0).then(|| (budget - used).max(0));
        VoteBudget { budget, used, left }
    }

    /// Whether one more vote fits.
    pub fn allows_another(&self) -> bool {
        self.left.is_none_or(|left| left > 0)
    }
}

/// The voters of an idea after merging `duplicate`'s voters into `target`'s: everyone counts once.
pub fn merged_voters(target: &BTreeSet<i64>, duplicate: &BTreeSet<i64>) -> BTreeSet<i64> {
    target.union(duplicate).copied().collect()
}

/// Orders ideas by votes in the trending window, then all votes, then newest.
pub fn trending_order(ideas: &mut [(i64, i64, i64, String)]) {
    // (id, recent votes, all votes, created_at)
    ideas.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(b.3.cmp(&a.3)));
}

/// Words that say nothing about what an idea is.
const STOP_WORDS: [&str; 24] = [
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "into",
    "have",
    "please",
    "add",
    "can",
    "could",
    "would",
    "should",
    "для",
    "что",
    "как",
    "это",
    "при",
    "или",
    "чтобы",
    "нужно",
    "можно",
];

/// The words of a title that matter for finding duplicates.
pub fn keywords(title: &str) -> BTreeSet<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// How alike two titles are: shared keywords over all keywords (0 to 1000).
pub fn similarity(a: &str, b: &str) -> u32 {
    let (a, b) = (keywords(a), keywords(b));
    let all = a.union(&b).count();
    if all == 0 {
        return 0;
    }
    (a.intersection(&b).count() * 1000 / all) as u32
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaCategory {
    pub id: String,
    pub slug: String,
    /// In the reader's language (see `crate::names`).
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Each language's words (in `GET /idea-categories`; left out where a category is named on an idea).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A card of the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaSummary {
    pub id: String,
    pub title: String,
    pub excerpt: String,
    pub status: IdeaStatus,
    pub category: IdeaCategory,
    pub author: MemberSummary,
    pub vote_count: i64,
    pub comment_count: i64,
    /// The viewer voted for it.
    pub voted: bool,
    pub created_at: String,
}

/// One step of an idea's history: a status and the official answer that came with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: IdeaStatus,
    /// Markdown.
    pub answer: String,
    pub author: MemberSummary,
    pub created_at: String,
}

/// What the viewer may do with an idea.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdeaPermissions {
    pub vote: bool,
    pub edit: bool,
    /// Change status, merge (staff).
    pub manage: bool,
    pub comment: bool,
}

/// Another idea as linked from this one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaRef {
    pub id: String,
    pub title: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    pub id: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub status: IdeaStatus,
    pub category: IdeaCategory,
    pub author: MemberSummary,
    pub vote_count: i64,
    pub voted: bool,
    pub created_at: String,
    #[serde(default)]
    pub edited_at: Option<String>,
    pub history: Vec<StatusChange>,
    /// For a duplicate: the idea it was merged into.
    #[serde(default)]
    pub merged_into: Option<IdeaRef>,
    /// Ideas merged into this one.
    pub duplicates: Vec<IdeaRef>,
    /// Ideas with similar titles.
    pub related: Vec<IdeaRef>,
    /// The discussion: comments are replies of this thread (`/threads/{id}/replies`).
    pub discussion_id: String,
    pub comment_count: i64,
    pub permissions: IdeaPermissions,
    /// The group the content belongs to; absent for community-wide content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<crate::groups::GroupRef>,
    /// Hidden by a moderator: others get no title or text; the author and moderators still do.
    #[serde(default)]
    pub hidden: bool,
}

/// `POST /ideas`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewIdea {
    pub title: String,
    pub category_id: String,
    pub body: String,
    /// Proposes the idea inside a group (its members post there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

/// `PATCH /ideas/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdeaUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<String>,
}

/// `PUT /ideas/{id}/status` (staff).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusUpdate {
    pub status: IdeaStatus,
    /// The official answer members read in the idea's history.
    pub answer: String,
}

/// `POST /ideas/{id}/merge` (staff): this idea is a duplicate of `into_id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeRequest {
    pub into_id: String,
    #[serde(default)]
    pub answer: String,
}

/// The answer to voting or unvoting.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteState {
    pub vote_count: i64,
    pub voted: bool,
    pub budget: VoteBudget,
}

/// `GET /ideas/roadmap`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    pub planned: Vec<IdeaSummary>,
    pub in_progress: Vec<IdeaSummary>,
    /// Latest first.
    pub implemented: Vec<IdeaSummary>,
}

/// `GET /ideas/counters`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdeaCounters {
    pub ideas: i64,
    pub votes: i64,
    pub implemented: i64,
}

pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 10_000;
pub const ANSWER_MAX: usize = 5_000;

pub fn check_new_idea(idea: &NewIdea) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("title", validate::text(&idea.title, TITLE_MIN, TITLE_MAX));
    if idea.category_id.trim().is_empty() {
        errors.add("category_id", Issue::Required);
    }
    errors.check("body", validate::text(&idea.body, 1, BODY_MAX));
    errors
}

pub fn check_status_update(update: &StatusUpdate) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if update.status == IdeaStatus::Unknown || update.status == IdeaStatus::Duplicate {
        // Duplicates are made by merging, which names the idea they join.
        errors.add("status", Issue::Invalid);
    }
    errors.check("answer", validate::text(&update.answer, 1, ANSWER_MAX));
    errors
}

// --- ballots -------------------------------------------------------------------------------

crate::open_enum! {
    pub enum BallotState {
        Upcoming = "upcoming",
        Open = "open",
        Closed = "closed",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BallotItem {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The viewer's points on this item.
    pub my_points: i64,
    /// Everyone's points: only once the ballot has closed.
    #[serde(default)]
    pub total_points: Option<i64>,
    /// 1 for the winner: only once closed.
    #[serde(default)]
    pub rank: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub id: String,
    pub title: String,
    pub description: String,
    pub points_per_member: i64,
    pub opens_at: String,
    pub closes_at: String,
    pub state: BallotState,
    pub items: Vec<BallotItem>,
    /// Members who have spent points (shown with the results).
    pub participants: i64,
    /// The viewer's points not yet spent.
    pub my_points_left: i64,
    pub can_vote: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BallotSummary {
    pub id: String,
    pub title: String,
    pub state: BallotState,
    pub opens_at: String,
    pub closes_at: String,
    pub participants: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    pub item_id: String,
    pub points: i64,
}

/// `PUT /ballots/{id}/allocation`: the viewer's whole spread of points, replacing the last one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AllocationRequest {
    pub allocations: Vec<Allocation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewBallotItem {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// `POST /ballots` (staff).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewBallot {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub points_per_member: i64,
    pub opens_at: String,
    pub closes_at: String,
    pub items: Vec<NewBallotItem>,
}

pub const BALLOT_POINTS_MAX: i64 = 1000;
pub const BALLOT_ITEMS_MIN: usize = 2;
pub const BALLOT_ITEMS_MAX: usize = 30;

/// Checks a new ballot's texts, points and candidates (the server also checks the dates).
pub fn check_new_ballot(ballot: &NewBallot) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("title", validate::text(&ballot.title, 3, 120));
    if !(1..=BALLOT_POINTS_MAX).contains(&ballot.points_per_member) {
        errors.add("points_per_member", Issue::OutOfRange { min: 1, max: BALLOT_POINTS_MAX });
    }
    if !(BALLOT_ITEMS_MIN..=BALLOT_ITEMS_MAX).contains(&ballot.items.len()) {
        errors.add("items", Issue::OutOfRange { min: BALLOT_ITEMS_MIN as i64, max: BALLOT_ITEMS_MAX as i64 });
    }
    for (index, item) in ballot.items.iter().enumerate() {
        errors.check(&format!("items.{index}.title"), validate::text(&item.title, 3, 120));
    }
    errors
}

/// Checks a spread of points against the ballot: no negative points, each item once, within
/// the member's points.
pub fn check_allocation(
    request: &AllocationRequest,
    item_ids: &BTreeSet<String>,
    points_per_member: i64,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let mut seen = BTreeSet::new();
    let mut total: i64 = 0;
    for (index, allocation) in request.allocations.iter().enumerate() {
        if !item_ids.contains(&allocation.item_id) || !seen.insert(allocation.item_id.clone()) {
            errors.add(&format!("allocations.{index}.item_id"), Issue::Invalid);
        }
        if allocation.points < 0 || allocation.points > points_per_member {
            errors.add(&format!("allocations.{index}.points"), Issue::OutOfRange { min: 0, max: points_per_member });
        }
        total = total.saturating_add(allocation.points.max(0));
    }
    if total > points_per_member {
        errors.add("allocations", Issue::OutOfRange { min: 0, max: points_per_member });
    }
    errors
}

/// Ranks ballot results: most points first; equal points share a rank.
pub fn rank_results(totals: &[(String, i64)]) -> Vec<(String, i64, i64)> {
    let mut sorted: Vec<(String, i64)> = totals.to_vec();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut ranked = Vec::with_capacity(sorted.len());
    let mut rank = 0;
    let mut previous = None;
    for (index, (id, points)) in sorted.into_iter().enumerate() {
        if previous != Some(points) {
            rank = index as i64 + 1;
            previous = Some(points);
        }
        ranked.push((id, points, rank));
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_count_down_and_zero_means_no_limit() {
        let budget = VoteBudget::new(10, 7);
        assert_eq!(budget.left, Some(3));
        assert!(budget.allows_another());
        let spent = VoteBudget::new(10, 10);
        assert_eq!(spent.left, Some(0));
        assert!(!spent.allows_another());
        let over = VoteBudget::new(3, 5);
        assert_eq!(over.left, Some(0), "never negative, even if the budget was lowered");
        let unlimited = VoteBudget::new(0, 500);
        assert_eq!(unlimited.left, None);
        assert!(unlimited.allows_another());
    }

    #[test]
    fn closing_an_idea_gives_its_votes_back() {
        let open: Vec<IdeaStatus> = IdeaStatus::KNOWN.iter().copied().filter(|s| s.is_open()).collect();
        assert_eq!(open, [IdeaStatus::New, IdeaStatus::UnderReview, IdeaStatus::Planned, IdeaStatus::InProgress]);
        assert!(!IdeaStatus::Implemented.is_open());
        assert!(!IdeaStatus::Declined.is_open());
        assert!(!IdeaStatus::Duplicate.is_open());
        assert!(!IdeaStatus::Unknown.is_open(), "an unknown status takes no votes");
    }

    #[test]
    fn merging_counts_each_voter_once() {
        let target: BTreeSet<i64> = [1, 2, 3].into();
        let duplicate: BTreeSet<i64> = [3, 4].into();
        let merged = merged_voters(&target, &duplicate);
        assert_eq!(merged, [1, 2, 3, 4].into());
        assert_eq!(merged.len(), 4, "voter 3 voted for both and counts once");
    }

    #[test]
    fn trending_puts_recent_votes_first() {
        let mut ideas = vec![
            (1, 2, 100, "2026-01-01".to_owned()),
            (2, 9, 10, "2026-02-01".to_owned()),
            (3, 9, 12, "2026-03-01".to_owned()),
            (4, 0, 500, "2026-04-01".to_owned()),
        ];
        trending_order(&mut ideas);
        let order: Vec<i64> = ideas.iter().map(|i| i.0).collect();
        assert_eq!(order, [3, 2, 1, 4]);
    }

    #[test]
    fn similar_titles_are_found_in_both_languages() {
        assert!(similarity("Dark mode for the dashboard", "Add a dark mode to dashboards") > 300);
        assert!(similarity("Тёмная тема для отчётов", "Нужна тёмная тема") >= 500);
        assert_eq!(similarity("Export to Excel", "Single sign-on"), 0);
        assert_eq!(similarity("", "a"), 0);
    }

    #[test]
    fn allocations_stay_within_the_members_points() {
        let items: BTreeSet<String> = ["a".into(), "b".into()].into();
        let ok = AllocationRequest {
            allocations: vec![
                Allocation { item_id: "a".into(), points: 6 },
                Allocation { item_id: "b".into(), points: 4 },
            ],
        };
        assert!(check_allocation(&ok, &items, 10).is_empty());
        let over = AllocationRequest {
            allocations: vec![
                Allocation { item_id: "a".into(), points: 6 },
                Allocation { item_id: "b".into(), points: 5 },
            ],
        };
        assert_eq!(check_allocation(&over, &items, 10).get("allocations"), Some(Issue::OutOfRange { min: 0, max: 10 }));
        let twice = AllocationRequest {
            allocations: vec![
                Allocation { item_id: "a".into(), points: 1 },
                Allocation { item_id: "a".into(), points: 1 },
            ],
        };
        assert_eq!(check_allocation(&twice, &items, 10).get("allocations.1.item_id"), Some(Issue::Invalid));
        let negative = AllocationRequest { allocations: vec![Allocation { item_id: "b".into(), points: -3 }] };
        assert!(check_allocation(&negative, &items, 10).get("allocations.0.points").is_some());
    }

    #[test]
    fn a_ballot_needs_a_question_points_and_two_candidates() {
        let item = |title: &str| NewBallotItem { title: title.into(), description: String::new() };
        let ballot = NewBallot {
            title: "Priorities".into(),
            points_per_member: 10,
            items: vec![item("Offline sync"), item("Dark theme")],
            ..NewBallot::default()
        };
        assert!(check_new_ballot(&ballot).is_empty());
        let lonely = NewBallot { items: vec![item("Offline sync")], ..ballot.clone() };
        assert_eq!(check_new_ballot(&lonely).get("items"), Some(Issue::OutOfRange { min: 2, max: 30 }));
        let pointless = NewBallot { points_per_member: 0, ..ballot.clone() };
        assert!(check_new_ballot(&pointless).get("points_per_member").is_some());
        let vague = NewBallot { items: vec![item("Offline sync"), item("  ")], ..ballot };
        assert_eq!(check_new_ballot(&vague).get("items.1.title"), Some(Issue::Required));
    }

    #[test]
    fn results_rank_with_ties_sharing_a_place() {
        let ranked = rank_results(&[("x".into(), 5), ("y".into(), 9), ("z".into(), 5), ("w".into(), 1)]);
        let ranks: Vec<(&str, i64)> = ranked.iter().map(|(id, _, rank)| (id.as_str(), *rank)).collect();
        assert_eq!(ranks, [("y", 1), ("x", 2), ("z", 2), ("w", 4)]);
    }
}
