//! The periods of the NPS results dashboard's trend and what each holds: plain arithmetic over
//! per-day counts, which `db::surveys` reads (the score arithmetic is the shared crate's `Tally`).

use chrono::{Datelike, Duration, NaiveDate};
use veche_api::surveys::{SCORE_MAX, Tally, TrendPoint};

/// Trend periods of the results dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Weeks starting on Monday.
    Week,
    /// Calendar months.
    Month,
}

impl Bucket {
    pub fn parse(text: &str) -> Option<Bucket> {
        match text {
            "week" => Some(Bucket::Week),
            "month" => Some(Bucket::Month),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Week => "week",
            Bucket::Month => "month",
        }
    }

    /// The first day of the period `day` falls in.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Bucket::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Bucket::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The first day of the period after the one starting on `start`.
    fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Bucket::Week => start + Duration::days(7),
            Bucket::Month => start.checked_add_months(chrono::Months::new(1)).unwrap_or(start + Duration::days(31)),
        }
    }
}

/// Longest trend drawn; a wider range keeps its latest periods.
const MAX_TREND_POINTS: usize = 520;

/// Answers counted per score and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub score: u8,
    pub count: u64,
}

/// Tally, distribution and trend from per-day counts. The trend covers every period from the
/// filter's first day (or the first answer) to its last (or today, never later), empty periods
/// included.
pub fn summarize(
    counts: &[DayCount],
    bucket: Bucket,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> (Tally, Vec<u64>, Vec<TrendPoint>) {
    let mut tally = Tally::default();
    let mut distribution = vec![0u64; usize::from(SCORE_MAX) + 1];
    for count in counts {
        if let Some(slot) = distribution.get_mut(usize::from(count.score)) {
            *slot += count.count;
        }
        for _ in 0..count.count {
            tally.add(count.score);
        }
    }
    let first = counts.iter().map(|c| c.day).min();
    let last = counts.iter().map(|c| c.day).max();
    let Some(start) = from.or(first) else {
        return (tally, distribution, Vec::new());
    };
    // No empty periods after today (a range ending next year draws up to now).
    let now = last.map_or(today, |last| last.max(today));
    let end = to.map_or(now, |to| to.min(now));
    let mut periods = Vec::new();
    let mut period = bucket.start(start);
    while period <= end {
        periods.push(period);
        period = bucket.next(period);
    }
    let skip = periods.len().saturating_sub(MAX_TREND_POINTS);
    let trend = periods[skip..]
        .iter()
        .map(|&period_start| {
            let mut tally = Tally::default();
            for count in counts.iter().filter(|c| bucket.start(c.day) == period_start) {
                for _ in 0..count.count {
                    tally.add(count.score);
                }
            }
            TrendPoint { period_start: period_start.format("%Y-%m-%d").to_string(), nps: tally.nps(), tally }
        })
        .collect();
    (tally, distribution, trend)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn count(text: &str, score: u8, count: u64) -> DayCount {
        DayCount { day: day(text), score, count }
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2026-03-04 is a Wednesday.
        assert_eq!(Bucket::Week.start(day("2026-03-04")), day("2026-03-02"));
        assert_eq!(Bucket::Week.start(day("2026-03-02")), day("2026-03-02"));
        assert_eq!(Bucket::Week.start(day("2026-03-01")), day("2026-02-23"));
        assert_eq!(Bucket::Month.start(day("2026-03-31")), day("2026-03-01"));
        assert_eq!(Bucket::Month.next(day("2026-01-01")), day("2026-02-01"));
    }

    #[test]
    fn the_trend_has_every_period_oldest_first_and_empty_ones_without_a_score() {
        let counts = [count("2026-03-02", 10, 2), count("2026-03-04", 3, 1), count("2026-03-18", 8, 1)];
        let (tally, distribution, trend) =
            summarize(&counts, Bucket::Week, None, Some(day("2026-03-22")), day("2026-06-01"));
        assert_eq!(tally, Tally { promoters: 2, passives: 1, detractors: 1 });
        assert_eq!(distribution, vec![0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2]);
        let starts: Vec<&str> = trend.iter().map(|p| p.period_start.as_str()).collect();
        assert_eq!(starts, ["2026-03-02", "2026-03-09", "2026-03-16"]);
        // 2 promoters, 1 detractor of 3: 33.3.
        assert!((trend[0].nps.unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(trend[1].tally.total(), 0);
        assert_eq!(trend[1].nps, None);
        assert_eq!(trend[2].nps, Some(0.0));
    }

    #[test]
    fn the_trend_stops_today() {
        let counts = [count("2026-03-04", 9, 1)];
        let (_, _, trend) =
            summarize(&counts, Bucket::Month, Some(day("2026-02-10")), Some(day("2030-01-01")), day("2026-04-15"));
        let starts: Vec<&str> = trend.iter().map(|p| p.period_start.as_str()).collect();
        assert_eq!(starts, ["2026-02-01", "2026-03-01", "2026-04-01"]);
    }

    #[test]
    fn without_answers_or_dates_there_is_no_trend() {
        let (tally, distribution, trend) = summarize(&[], Bucket::Month, None, None, day("2026-06-01"));
        assert_eq!(tally.total(), 0);
        assert_eq!(distribution.len(), 11);
        assert!(trend.is_empty());
    }
}
