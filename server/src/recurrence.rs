//! Dates of events: a series repeats on the wall clock of its own time zone (a weekly 18:00
//! meeting stays at 18:00 across a change to or from summer time), and each date becomes an
//! instant in UTC.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use veche_api::events::{Frequency, Recurrence};

/// Most dates a series may have (a guard against runaway rules).
pub const MAX_OCCURRENCES: u32 = 500;

/// An event's timing.
#[derive(Clone, Debug)]
pub struct Series {
    pub start_local: NaiveDateTime,
    pub duration: Duration,
    pub zone: Tz,
    pub recurrence: Option<Recurrence>,
}

/// A local wall-clock time in `zone` as an instant. In the hour skipped when clocks go forward,
/// the time moves forward by that hour; in the hour repeated when they go back, the first one.
pub fn to_utc(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => to_utc(local + Duration::hours(1), zone),
    }
}

fn add_months(date: NaiveDate, months: u32) -> Option<(i32, u32)> {
    let total = date.year() * 12 + date.month0() as i32 + months as i32;
    Some((total.div_euclid(12), total.rem_euclid(12) as u32 + 1))
}

/// The local start of the `n`th repetition, or `None` when that month has no such day (the
/// 31st, a fifth Tuesday): those months are skipped, as iCalendar does.
fn nth_local(series: &Series, recurrence: &Recurrence, n: u32) -> Option<NaiveDateTime> {
    let start = series.start_local;
    let step = n * recurrence.interval.max(1);
    match recurrence.frequency {
        Frequency::Weekly => Some(start + Duration::weeks(i64::from(step))),
        Frequency::MonthlyByDate => {
            let (year, month) = add_months(start.date(), step)?;
            NaiveDate::from_ymd_opt(year, month, start.day()).map(|d| d.and_time(start.time()))
        }
        Frequency::MonthlyByWeekday => {
            let (year, month) = add_months(start.date(), step)?;
            let week = (start.day() - 1) / 7;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let shift = (7 + start.weekday().num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
            let day = 1 + shift + week * 7;
            NaiveDate::from_ymd_opt(year, month, day).map(|d| d.and_time(start.time()))
        }
        Frequency::Unknown => (n == 0).then_some(start),
    }
}

/// The dates (start, end) of a series that overlap `[from, to)`, in order.
pub fn occurrences(series: &Series, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let single = Recurrence { frequency: Frequency::Unknown, interval: 1, until: None, count: Some(1) };
    let recurrence = series.recurrence.as_ref().unwrap_or(&single);
    let until = recurrence.until.as_deref().and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok());
    let count = recurrence.count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES);
    let mut found = Vec::new();
    let mut made = 0;
    for n in 0..MAX_OCCURRENCES * 2 {
        if made >= count {
            break;
        }
        let Some(local) = nth_local(series, recurrence, n) else {
            if recurrence.frequency == Frequency::Unknown {
                break;
            }
            continue;
        };
        if until.is_some_and(|until| local.date() > until) {
            break;
        }
        made += 1;
        let start = to_utc(local, series.zone);
        let end = to_utc(local + series.duration, series.zone);
        if start >= to {
            break;
        }
        if end > from {
            found.push((start, end));
        }
    }
    found
}

/// The iCalendar RRULE of a series.
/// With a TZID start, RFC 5545 wants UNTIL in UTC: the end of the last day in the event's zone.
pub fn rrule(recurrence: &Recurrence, start_local: NaiveDateTime, zone: Tz) -> Option<String> {
    let mut rule = match recurrence.frequency {
        Frequency::Weekly => "FREQ=WEEKLY".to_owned(),
        Frequency::MonthlyByDate => format!("FREQ=MONTHLY;BYMONTHDAY={}", start_local.day()),
        Frequency::MonthlyByWeekday => {
            let week = (start_local.day() - 1) / 7 + 1;
            let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start_local.weekday().num_days_from_monday() as usize];
            format!("FREQ=MONTHLY;BYDAY={week}{day}")
        }
        Frequency::Unknown => return None,
    };
    if recurrence.interval > 1 {
        rule.push_str(&format!(";INTERVAL={}", recurrence.interval));
    }
    if let Some(count) = recurrence.count {
        rule.push_str(&format!(";COUNT={count}"));
    } else if let Some(until) = recurrence.until.as_deref().and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok())
    {
        let last = to_utc(until.and_hms_opt(23, 59, 59)?, zone);
        rule.push_str(&format!(";UNTIL={}", last.format("%Y%m%dT%H%M%SZ")));
    }
    Some(rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn series(start: &str, zone: Tz, recurrence: Option<Recurrence>) -> Series {
        Series { start_local: local(start), duration: Duration::hours(2), zone, recurrence }
    }

    #[test]
    fn weekly_meetings_keep_their_wall_clock_time_across_summer_time() {
        // Berlin changes clocks on 29 March 2026: 18:00 local is 17:00 UTC before, 16:00 after.
        let weekly = Recurrence { frequency: Frequency::Weekly, interval: 1, until: None, count: Some(4) };
        let dates = occurrences(
            &series("2026-03-18T18:00", chrono_tz::Europe::Berlin, Some(weekly)),
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        );
        let starts: Vec<String> = dates.iter().map(|(s, _)| s.to_rfc3339()).collect();
        assert_eq!(
            starts,
            [
                "2026-03-18T17:00:00+00:00",
                "2026-03-25T17:00:00+00:00",
                "2026-04-01T16:00:00+00:00",
                "2026-04-08T16:00:00+00:00",
            ]
        );
        for (start, end) in &dates {
            assert_eq!(
                start.with_timezone(&chrono_tz::Europe::Berlin).time(),
                NaiveTime::from_hms_opt(18, 0, 0).unwrap()
            );
            assert_eq!(*end - *start, Duration::hours(2));
        }
    }

    #[test]
    fn a_time_skipped_by_the_clock_change_moves_forward() {
        // 02:30 does not exist in Berlin on 29 March 2026.
        assert_eq!(to_utc(local("2026-03-29T02:30"), chrono_tz::Europe::Berlin), utc("2026-03-29T01:30:00Z"));
        // 02:30 happens twice on 25 October 2026: the first.
        assert_eq!(to_utc(local("2026-10-25T02:30"), chrono_tz::Europe::Berlin), utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn every_other_week_until_a_date() {
        let biweekly =
            Recurrence { frequency: Frequency::Weekly, interval: 2, until: Some("2026-12-31".into()), count: None };
        let dates = occurrences(
            &series("2026-11-05T10:00", chrono_tz::Europe::Moscow, Some(biweekly)),
            utc("2026-11-01T00:00:00Z"),
            utc("2027-06-01T00:00:00Z"),
        );
        let days: Vec<String> = dates.iter().map(|(s, _)| s.format("%m-%d").to_string()).collect();
        assert_eq!(days, ["11-05", "11-19", "12-03", "12-17", "12-31"]);
    }

    #[test]
    fn monthly_by_weekday_and_by_date_skip_months_without_that_day() {
        // The second Tuesday of each month.
        let by_weekday =
            Recurrence { frequency: Frequency::MonthlyByWeekday, interval: 1, until: None, count: Some(3) };
        let dates = occurrences(
            &series("2026-01-13T19:00", chrono_tz::UTC, Some(by_weekday)),
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        );
        let days: Vec<String> = dates.iter().map(|(s, _)| s.format("%Y-%m-%d").to_string()).collect();
        assert_eq!(days, ["2026-01-13", "2026-02-10", "2026-03-10"]);
        // The 31st: months without one are skipped, and the count counts real dates.
        let by_date = Recurrence { frequency: Frequency::MonthlyByDate, interval: 1, until: None, count: Some(3) };
        let dates = occurrences(
            &series("2026-01-31T09:00", chrono_tz::UTC, Some(by_date)),
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        );
        let days: Vec<String> = dates.iter().map(|(s, _)| s.format("%Y-%m-%d").to_string()).collect();
        assert_eq!(days, ["2026-01-31", "2026-03-31", "2026-05-31"]);
    }

    #[test]
    fn a_window_shows_only_the_dates_inside_it() {
        let weekly = Recurrence { frequency: Frequency::Weekly, interval: 1, until: None, count: Some(52) };
        let s = series("2026-01-05T12:00", chrono_tz::UTC, Some(weekly));
        let march = occurrences(&s, utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));
        assert_eq!(march.len(), 5);
        assert!(march.iter().all(|(start, _)| start.format("%m").to_string() == "03"));
        let one_off = series("2026-02-10T12:00", chrono_tz::UTC, None);
        assert_eq!(occurrences(&one_off, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")).len(), 1);
        assert!(occurrences(&one_off, utc("2026-03-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")).is_empty());
    }

    #[test]
    fn rules_read_as_icalendar() {
        let weekly = Recurrence { frequency: Frequency::Weekly, interval: 2, until: None, count: Some(10) };
        assert_eq!(
            rrule(&weekly, local("2026-01-05T12:00"), chrono_tz::UTC).as_deref(),
            Some("FREQ=WEEKLY;INTERVAL=2;COUNT=10")
        );
        let monthly = Recurrence {
            frequency: Frequency::MonthlyByWeekday,
            interval: 1,
            until: Some("2026-12-31".into()),
            count: None,
        };
        assert_eq!(
            rrule(&monthly, local("2026-01-13T19:00"), chrono_tz::Europe::Moscow).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T205959Z")
        );
    }

    proptest::proptest! {
        /// A weekly series in zones with summer time, started on any day of 2026 at any time:
        /// every date keeps the wall-clock time of the first (unless the clock skips it), dates
        /// are a whole number of weeks apart on the local calendar, and there are as many as asked.
        #[test]
        fn weekly_series_keep_wall_clock_time_across_clock_changes(
            day in 0i64..365,
            minutes in 0u32..(24 * 60),
            count in 1u32..60,
            interval in 1u32..4,
            zone in proptest::sample::select(vec![
                chrono_tz::Europe::Berlin,
                chrono_tz::America::New_York,
                chrono_tz::Australia::Sydney,
                chrono_tz::Europe::Moscow,
            ]),
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day);
            let start = start.and_time(NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap());
            let recurrence = Recurrence { frequency: Frequency::Weekly, interval, until: None, count: Some(count) };
            let series = Series { start_local: start, duration: Duration::hours(2), zone, recurrence: Some(recurrence) };
            let dates = occurrences(&series, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
            proptest::prop_assert_eq!(dates.len(), count as usize);
            for (n, (begins, _)) in dates.iter().enumerate() {
                let wanted = start + Duration::weeks(n as i64 * i64::from(interval));
                let seen = begins.with_timezone(&zone).naive_local();
                let skipped = matches!(zone.from_local_datetime(&wanted), LocalResult::None);
                if skipped {
                    proptest::prop_assert_eq!(seen, wanted + Duration::hours(1));
                } else {
                    proptest::prop_assert_eq!(seen, wanted);
                }
            }
            proptest::prop_assert!(dates.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }
}
