//! The staff's KPIs page.

use veche_api::Locale;

use crate::i18n::format::number;

crate::messages! {
    pub enum Kpis {
        Title => ("Community KPIs", "Показатели сообщества"),
        Intro => ("How the community is doing, by calendar month (UTC).", "Как живёт сообщество, по календарным месяцам (UTC)."),
        PeriodLabel => ("Period", "Период"),
        Last6 => ("Last 6 months", "Последние 6 месяцев"),
        Last12 => ("Last 12 months", "Последние 12 месяцев"),
        Participation => ("Participation", "Вовлечённость"),
        ActiveMeans => (
            "Active: posted a thread or a reply, voted for or proposed an idea, answered an event or a survey in the community in the last 30 days.",
            "Активные: за последние 30 дней создали тему или ответ, голосовали за идею или предложили её, ответили на приглашение на событие или на опрос в сообществе."
        ),
        NoMembers => ("No members yet.", "Участников пока нет."),
        Ideas => ("Ideas by month", "Идеи по месяцам"),
        Proposed => ("Proposed", "Предложено"),
        Implemented => ("Implemented", "Реализовано"),
        Events => ("Events by month", "События по месяцам"),
        Held => ("Events held", "Прошло событий"),
        Attendance => ("Going", "Участников"),
        NpsByMonth => ("NPS by month", "NPS по месяцам"),
        Month => ("Month", "Месяц"),
        StaffOnly => ("Staff only", "Только для команды"),
        StaffOnlyText => ("The community's KPIs are for its staff.", "Показатели сообщества видит только команда."),
    }
}

/// "5 of 7 members were active in the last 30 days."
pub fn participation_note(locale: Locale, active: u64, members: u64) -> String {
    let (active, all) = (number(active as i64, locale), number(members as i64, locale));
    match locale {
        Locale::En => {
            let word = locale.pick(members, ["member", "members", "members"]);
            format!("{active} of {all} {word} were active in the last 30 days.")
        }
        // After "из" Russian takes the genitive: из 21 участника, из 5 участников.
        Locale::Ru => {
            let word = locale.pick(members, ["участника", "участников", "участников"]);
            format!("{active} из {all} {word} были активны за последние 30 дней.")
        }
    }
}

/// "71 %".
pub fn percent(value: u32) -> String {
    format!("{value}\u{a0}%")
}

/// What a chart of counts shows, for those who cannot see it: the totals of its two lines over
/// the period and the month with the most of the first.
pub fn totals_summary(
    locale: Locale,
    title: &str,
    (first, last): (&str, &str),
    lines: [(&str, u64); 2],
    busiest: Option<(&str, u64)>,
) -> String {
    let [(a, a_total), (b, b_total)] = lines.map(|(name, total)| (name.to_lowercase(), number(total as i64, locale)));
    let busiest = busiest.map(|(month, n)| (month, number(n as i64, locale)));
    match locale {
        Locale::En => {
            let most = busiest.map(|(month, n)| format!(" Most in {month}: {n}.")).unwrap_or_default();
            format!("{title}, {first} to {last}: {a} {a_total}, {b} {b_total} in total.{most}")
        }
        Locale::Ru => {
            let most = busiest.map(|(month, n)| format!(" Больше всего — {month}: {n}.")).unwrap_or_default();
            format!("{title}, {first} — {last}: {a} {a_total}, {b} {b_total} всего.{most}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Kpis::ALL, &[]);
    }

    #[test]
    fn notes_read_naturally() {
        assert_eq!(participation_note(Locale::En, 5, 7), "5 of 7 members were active in the last 30 days.");
        assert_eq!(participation_note(Locale::Ru, 1, 21), "1 из 21 участника были активны за последние 30 дней.");
        assert_eq!(percent(71), "71\u{a0}%");
        assert_eq!(
            totals_summary(
                Locale::En,
                "Ideas by month",
                ("Jul 2026", "Dec 2026"),
                [("Proposed", 21), ("Implemented", 1)],
                Some(("Nov 2026", 15))
            ),
            "Ideas by month, Jul 2026 to Dec 2026: proposed 21, implemented 1 in total. Most in Nov 2026: 15."
        );
    }
}
