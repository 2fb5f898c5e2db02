use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::members::PointRules;

use crate::api::members;
use crate::components::feedback::Loaded;
use crate::components::members::{badge_texts, rank_text};
use crate::i18n::format::number;
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

/// Each action that earns reputation, with its points, in the order members meet them.
fn point_rows(points: &PointRules) -> [(Members, i64); 6] {
    [
        (Members::ActionReply, points.reply),
        (Members::ActionThread, points.thread),
        (Members::ActionKudos, points.kudos_received),
        (Members::ActionAcceptedAnswer, points.accepted_answer),
        (Members::ActionIdeaImplemented, points.idea_implemented),
        (Members::ActionEventAttended, points.event_attended),
    ]
}

/// `/members/rules`: how reputation is earned, the ranks it leads to, and the badges, all as
/// the server counts them (`GET /reputation/rules`).
#[component]
pub fn ReputationRulesPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let rules = LocalResource::new(members::rules);

    view! {
        <Title text=i18n.t(Members::RulesTitle) />
        <div class="rules-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Members::RulesTitle)}</h1>
                    <p class="page-head__intro">{i18n.t(Members::RulesIntro)}</p>
                </div>
                <p class="page-head__links">
                    <A href="/members">{i18n.t(Members::Title)}</A>
                    <A href="/members/leaderboard">{i18n.t(Members::LeaderboardTitle)}</A>
                </p>
            </header>
            <Loaded resource=rules let:rules>
                {view! {
                    <section class="rules-section" aria-labelledby="points-heading">
                        <h2 id="points-heading">{i18n.t(Members::PointsHeading)}</h2>
                        <table class="rules-table">
                            <thead>
                                <tr><th scope="col">{i18n.t(Members::ActionColumn)}</th><th scope="col">{i18n.t(Members::PointsColumn)}</th></tr>
                            </thead>
                            <tbody>
                                {point_rows(&rules.points).into_iter().map(|(action, points)| view! {
                                    <tr><th scope="row">{i18n.t(action)}</th><td>{format!("+{}", number(points, locale))}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                    <section class="rules-section" aria-labelledby="ranks-heading">
                        <h2 id="ranks-heading">{i18n.t(Members::RanksHeading)}</h2>
                        <table class="rules-table">
                            <thead>
                                <tr><th scope="col">{i18n.t(Members::RankLabel)}</th><th scope="col">{i18n.t(Members::ReputationNeeded)}</th></tr>
                            </thead>
                            <tbody>
                                {rules.ranks.iter().map(|rank| view! {
                                    <tr><th scope="row">{i18n.t(rank_text(rank.rank))}</th><td>{texts::points(locale, rank.points)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                    <section class="rules-section" aria-labelledby="badges-heading">
                        <h2 id="badges-heading">{i18n.t(Members::BadgesHeading)}</h2>
                        <table class="rules-table">
                            <thead>
                                <tr><th scope="col">{i18n.t(Members::BadgeColumn)}</th><th scope="col">{i18n.t(Members::MilestoneColumn)}</th></tr>
                            </thead>
                            <tbody>
                                {rules.badges.iter().map(|badge| {
                                    let (name, why) = badge_texts(badge.kind);
                                    view! {
                                        <tr>
                                            <th scope="row">{i18n.t(name)}</th>
                                            <td>
                                                {texts::milestone(locale, badge.milestone, badge.count)}
                                                {why.map(|why| view! { <span class="rules-table__why">{i18n.t(why)}</span> })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                    }}
            </Loaded>
        </div>
    }
}
