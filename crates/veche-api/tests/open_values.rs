//! The contract's enums are open: a value a newer (or another) backend sends that this version
//! does not know reads as `Unknown` (shown as "other"), never as a failed answer.

use serde_json::json;
use veche_api::Locale;

macro_rules! every_enum_reads_an_unknown_value {
    ($($module:ident :: $name:ident),+ $(,)?) => {
        #[test]
        fn every_enum_of_the_contract_reads_an_unknown_value() {
            $(
                let value: veche_api::$module::$name =
                    serde_json::from_value(json!("a_value_from_the_future")).expect(stringify!($name));
                assert_eq!(value, veche_api::$module::$name::Unknown, stringify!($name));
                for known in veche_api::$module::$name::KNOWN {
                    let wire = serde_json::to_value(known).expect("serialised");
                    assert_eq!(serde_json::from_value::<veche_api::$module::$name>(wire).ok(), Some(*known));
                }
            )+
        }
    };
}

every_enum_reads_an_unknown_value!(
    search::SearchKind,
    notifications::NotificationKind,
    moderation::TargetKind,
    moderation::ReportReason,
    moderation::ModerationAction,
    surveys::SurveyKind,
    surveys::Category,
    members::Visibility,
    members::ContactKind,
    members::BadgeKind,
    members::Rank,
    members::Milestone,
    members::MemberSort,
    members::ActivityKind,
    members::LeaderboardPeriod,
    events::EventKind,
    events::Frequency,
    events::RsvpStatus,
    groups::GroupKind,
    groups::Membership,
    groups::GroupRole,
    groups::Decision,
    threads::ThreadSort,
    threads::DiscussedPeriod,
    ideas::IdeaStatus,
    ideas::IdeaSort,
    ideas::BallotState,
    problem::ProblemCode,
    member::CommunityRole,
    member::Access,
    community::JoinPolicy,
    community::RegistrationDecision,
);

#[test]
fn reputation_rules_with_a_milestone_of_the_backends_own_are_read() {
    let rules: veche_api::members::ReputationRules = serde_json::from_value(json!({
        "points": { "reply": 2, "thread": 5, "kudos_received": 3, "accepted_answer": 15, "idea_implemented": 25, "event_attended": 10 },
        "ranks": [{ "rank": "legend", "points": 5000 }],
        "badges": [
            { "kind": "first_post", "milestone": "posts", "count": 1 },
            { "kind": "night_owl", "milestone": "posts_after_midnight", "count": 7 }
        ]
    }))
    .expect("rules with unknown values");
    assert_eq!(rules.badges[0].milestone, veche_api::members::Milestone::Posts);
    assert_eq!(rules.badges[1].milestone, veche_api::members::Milestone::Unknown);
    assert_eq!(rules.badges[1].kind, veche_api::members::BadgeKind::Unknown);
    assert_eq!(rules.ranks[0].rank, veche_api::members::Rank::Unknown);
    assert_eq!(veche_api::members::Milestone::Unknown.count(&Default::default()), 0);
}

#[test]
fn languages_the_app_does_not_speak_are_left_out_of_the_community() {
    let community: veche_api::community::Community = serde_json::from_value(json!({
        "name": "Gemeinde", "description": "", "founded_on": "2020-01-01",
        "default_locale": "de", "locales": ["de", "ru", "en-GB"], "time_zone": "Europe/Berlin"
    }))
    .expect("a community in German too");
    assert_eq!(community.default_locale, Locale::En);
    assert_eq!(community.locales, vec![Locale::Ru, Locale::En]);
}
