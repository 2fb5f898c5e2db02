use leptos::prelude::*;
use veche_api::Locale;
use veche_api::members::{Badge, BadgeKind, Rank};

use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::members::Members;
use crate::i18n::{Text, use_i18n};

pub fn rank_text(rank: Rank) -> Members {
    match rank {
        Rank::Newcomer => Members::RankNewcomer,
        Rank::Contributor => Members::RankContributor,
        Rank::Regular => Members::RankRegular,
        Rank::Expert => Members::RankExpert,
        Rank::Guru => Members::RankGuru,
        Rank::Unknown => Members::RankUnknown,
    }
}

/// A badge's name and why it is given; a badge newer than this app has only a name.
pub fn badge_texts(kind: BadgeKind) -> (Members, Option<Members>) {
    let (name, why) = match kind {
        BadgeKind::FirstPost => (Members::BadgeFirstPost, Members::BadgeFirstPostWhy),
        BadgeKind::FiftyReplies => (Members::BadgeFiftyReplies, Members::BadgeFiftyRepliesWhy),
        BadgeKind::FirstAcceptedAnswer => (Members::BadgeFirstAcceptedAnswer, Members::BadgeFirstAcceptedAnswerWhy),
        BadgeKind::TenKudos => (Members::BadgeTenKudos, Members::BadgeTenKudosWhy),
        BadgeKind::HundredKudos => (Members::BadgeHundredKudos, Members::BadgeHundredKudosWhy),
        BadgeKind::IdeaImplemented => (Members::BadgeIdeaImplemented, Members::BadgeIdeaImplementedWhy),
        BadgeKind::FiveMeetups => (Members::BadgeFiveMeetups, Members::BadgeFiveMeetupsWhy),
        BadgeKind::Unknown => return (Members::BadgeUnknown, None),
    };
    (name, Some(why))
}

/// "First accepted answer — an answer of theirs was accepted".
pub fn badge_sentence(locale: Locale, kind: BadgeKind) -> String {
    match badge_texts(kind) {
        (name, Some(why)) => format!("{} — {}", name.text(locale), why.text(locale)),
        (name, None) => name.text(locale).to_owned(),
    }
}

/// The badges a member earned, each with its date and why it was given.
#[component]
pub fn BadgeList(
    /// The badges, in the server's order.
    badges: Vec<Badge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    view! {
        <ul class="badge-list">
            {badges.into_iter().map(|badge| {
                let (name, why) = badge_texts(badge.kind);
                view! {
                    <li class="badge-list__item">
                        <span class="badge-list__icon" aria-hidden="true">"★"</span>
                        <div>
                            <p class="badge-list__text">
                                <strong>{i18n.t(name)}</strong>
                                {why.map(|why| format!(" — {}", i18n.t(why)))}
                            </p>
                            <p class="badge-list__date">
                                {i18n.t(Members::Earned)}" "
                                <time datetime=badge.earned_at.clone()>{date(&badge.earned_at, locale, DateStyle::Long, None)}</time>
                            </p>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_badge_says_why() {
        assert_eq!(
            badge_sentence(Locale::En, BadgeKind::FirstAcceptedAnswer),
            "First accepted answer — an answer of theirs was accepted"
        );
        assert_eq!(
            badge_sentence(Locale::Ru, BadgeKind::TenKudos),
            "Десять благодарностей — участники 10 раз поблагодарили за сообщения"
        );
        for kind in BadgeKind::KNOWN {
            assert!(badge_texts(*kind).1.is_some(), "{kind:?} has no reason");
        }
        assert_eq!(badge_sentence(Locale::En, BadgeKind::Unknown), "Badge");
    }

    #[test]
    fn every_rank_has_a_name() {
        let names: Vec<Members> = Rank::KNOWN.iter().map(|r| rank_text(*r)).collect();
        assert_eq!(names.len(), 5);
        assert!(!names.contains(&Members::RankUnknown));
    }
}
