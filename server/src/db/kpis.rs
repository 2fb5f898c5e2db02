//! The staff's KPIs: counts per calendar month (UTC) and the share of active members.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sqlx::Row;
use veche_api::kpis::{ACTIVE_DAYS, KpiMonth, Participation};
use veche_api::surveys::Tally;

use super::Db;
use super::visibility::Reader;
use crate::clock;

/// Staff see every event, closed groups' included.
const EVERYTHING: Reader = Reader { member_id: None, moderator: true, staff: true };

/// The first days of the `count` months that end with the one holding `today`, oldest first.
pub fn month_starts(today: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let current = today.with_day(1).unwrap_or(today);
    (0..count).rev().filter_map(|back| current.checked_sub_months(chrono::Months::new(back))).collect()
}

/// `YYYY-MM` of a stored instant or date (their text starts with it).
fn month_key(text: &str) -> String {
    text.chars().take(7).collect()
}

impl Db {
    /// Members active in the `ACTIVE_DAYS` days before `now`, out of all members.
    pub async fn participation(&self, now: DateTime<Utc>) -> anyhow::Result<Participation> {
        let since = clock::format(now - Duration::days(ACTIVE_DAYS));
        let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members WHERE deleted_at IS NULL")
            .fetch_one(&mut *self.conn().await?)
            .await?;
        let active: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT member_id) FROM (
                 SELECT author_id AS member_id FROM threads WHERE created_at >= ?1
                 UNION ALL SELECT author_id FROM replies WHERE created_at >= ?1
                 UNION ALL SELECT member_id FROM idea_votes WHERE created_at >= ?1
                 UNION ALL SELECT author_id FROM ideas WHERE created_at >= ?1
                 UNION ALL SELECT member_id FROM rsvps WHERE since >= ?1
                 UNION ALL SELECT member_id FROM survey_responses WHERE created_at >= ?1
             ) WHERE member_id IN (SELECT id FROM members)",
        )
        .bind(&since)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok(Participation::of(active.max(0) as u64, members.max(0) as u64))
    }

    /// One row per month of `starts` (oldest first), through `now`; months without data are zeros.
    pub async fn kpi_months(&self, starts: &[NaiveDate], now: DateTime<Utc>) -> anyhow::Result<Vec<KpiMonth>> {
        let Some(first) = starts.first() else {
            return Ok(Vec::new());
        };
        let from = first.format("%Y-%m-%d").to_string();
        let mut months: Vec<KpiMonth> = starts
            .iter()
            .map(|start| KpiMonth { month: start.format("%Y-%m").to_string(), ..KpiMonth::default() })
            .collect();
        let index: HashMap<String, usize> = months.iter().enumerate().map(|(i, m)| (m.month.clone(), i)).collect();
        let slot = |month: &str| index.get(month).copied();

        let counts = |sql: &'static str| {
            let from = from.clone();
            async move {
                let rows = sqlx::query(sql).bind(from).fetch_all(&mut *self.conn().await?).await?;
                anyhow::Ok(
                    rows.iter().map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1).max(0) as u64)).collect::<Vec<_>>(),
                )
            }
        };
        for (month, count) in
            counts("SELECT substr(created_at, 1, 7), COUNT(*) FROM ideas WHERE created_at >= ? GROUP BY 1").await?
        {
            if let Some(i) = slot(&month) {
                months[i].ideas_proposed = count;
            }
        }
        for (month, count) in counts(
            "SELECT substr(created_at, 1, 7), COUNT(DISTINCT idea_id) FROM idea_history
             WHERE status = 'implemented' AND created_at >= ? GROUP BY 1",
        )
        .await?
        {
            if let Some(i) = slot(&month) {
                months[i].ideas_implemented = count;
            }
        }

        let answers = sqlx::query(
            "SELECT substr(r.created_at, 1, 7) AS month, r.score, COUNT(*) AS answers
             FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
             WHERE s.kind = 'nps' AND r.created_at >= ? GROUP BY 1, 2",
        )
        .bind(&from)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let mut tallies = vec![Tally::default(); months.len()];
        for row in &answers {
            let Some(i) = slot(&row.get::<String, _>("month")) else { continue };
            let score = u8::try_from(row.get::<i64, _>("score")).unwrap_or(u8::MAX);
            for _ in 0..row.get::<i64, _>("answers") {
                tallies[i].add(score);
            }
        }
        for (month, tally) in months.iter_mut().zip(tallies) {
            month.nps = tally.nps();
            month.nps_tally = tally;
        }

        // Dates of series come from their rule, so events are counted here rather than in SQL.
        let going = self.going_counts().await?;
        let window_start = first.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        for event in self.events(EVERYTHING).await? {
            if event.cancelled_at.is_some() {
                continue;
            }
            for (start, _) in event.dates(window_start, now) {
                if start < window_start || start >= now {
                    continue;
                }
                let Some(i) = slot(&month_key(&clock::format(start))) else { continue };
                let key = if event.is_series() { clock::format(start) } else { String::new() };
                let attendance: i64 = going
                    .iter()
                    .filter(|(id, occurrence, _)| *id == event.id && (*occurrence == key || occurrence.is_empty()))
                    .map(|(_, _, count)| count)
                    .sum();
                months[i].events_held += 1;
                months[i].attendance += attendance.max(0) as u64;
            }
        }
        Ok(months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_end_with_the_current_one_and_cross_years() {
        let starts = month_starts(day("2026-02-17"), 6);
        let names: Vec<String> = starts.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect();
        assert_eq!(names, ["2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
        assert_eq!(month_starts(day("2026-12-31"), 12).len(), 12);
        assert_eq!(month_key("2026-03-04T10:00:00Z"), "2026-03");
    }
}
