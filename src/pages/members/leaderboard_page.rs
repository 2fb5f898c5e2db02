use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use veche_api::members::LeaderboardPeriod;

use crate::api::members;
use crate::api::url::encode;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::members::{Avatar, RoleBadge};
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

const PERIODS: [(LeaderboardPeriod, Members); 2] =
    [(LeaderboardPeriod::Month, Members::ThisMonth), (LeaderboardPeriod::All, Members::AllTime)];

/// The period an address asks for (`?period=all`); this month unless it says otherwise.
pub fn period_param(value: Option<&str>) -> LeaderboardPeriod {
    value.and_then(LeaderboardPeriod::parse_known).unwrap_or(LeaderboardPeriod::Month)
}

/// `/members/leaderboard`: the members who earned the most reputation this month or ever.
#[component]
pub fn LeaderboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let query_map = use_query_map();
    let period = Memo::new(move |_| query_map.with(|q| period_param(q.get("period").as_deref())));
    let board = LocalResource::new(move || {
        let period = period.get();
        async move { members::leaderboard(period).await }
    });

    view! {
        <Title text=i18n.t(Members::LeaderboardTitle) />
        <div class="leaderboard-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Members::LeaderboardTitle)}</h1>
                    <p class="page-head__intro">{i18n.t(Members::LeaderboardIntro)}</p>
                </div>
                <p class="page-head__links">
                    <A href="/members">{i18n.t(Members::Title)}</A>
                    <A href="/members/rules">{i18n.t(Members::RulesTitle)}</A>
                </p>
            </header>
            <nav class="tabs" aria-label=i18n.t(Members::PeriodLabel)>
                {PERIODS.into_iter().map(|(option, text)| {
                    let href = if option == LeaderboardPeriod::Month {
                        "/members/leaderboard".to_owned()
                    } else {
                        format!("/members/leaderboard?period={}", option.as_str())
                    };
                    // A plain link (the router still takes it): `<A>` would mark both current.
                    view! {
                        <a href=href class="tabs__tab" aria-current=move || (period.get() == option).then_some("true")>
                            {i18n.t(text)}
                        </a>
                    }
                }).collect_view()}
            </nav>
            <Loaded resource=board let:entries>
                {{
                    if entries.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Members::NoLeaders) /> })
                    } else {
                        Either::Right(view! {
                            <ol class="leaderboard">
                                {entries.into_iter().enumerate().map(|(index, entry)| {
                                    let member = entry.member;
                                    view! {
                                        <li class="leaderboard__row">
                                            <span class="leaderboard__place">
                                                <span class="visually-hidden">{i18n.t(Members::PlaceLabel)}" "</span>{index + 1}
                                            </span>
                                            <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=40 />
                                            <span class="leaderboard__who">
                                                <A href=format!("/members/{}", encode(&member.handle)) attr:class="leaderboard__name">
                                                    {member.display_name.clone()}
                                                </A>
                                                <RoleBadge role=member.role access=member.access />
                                            </span>
                                            <span class="leaderboard__points">{texts::points(locale, entry.points)}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_lives_in_the_address() {
        assert_eq!(period_param(None), LeaderboardPeriod::Month);
        assert_eq!(period_param(Some("all")), LeaderboardPeriod::All);
        assert_eq!(period_param(Some("week")), LeaderboardPeriod::Month);
    }
}
