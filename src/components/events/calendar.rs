//! Calendar days and the period a view shows (a month grid, a week, an agenda), with the view's
//! address. Plain Rust, but for the browser telling what day an instant falls on.

use std::collections::BTreeMap;
use std::fmt;

use veche_api::events::Occurrence;

use crate::i18n::format::{date_time_format, parse_millis};

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1970-01-01.
    number: i64,
}

impl Day {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then(|| Day { number: days_from_civil(year as i64, month as i64, day as i64) })
    }

    /// `YYYY-MM-DD`, the only form accepted.
    pub fn parse(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
        let day = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
        Day::new(year, month, day)
    }

    /// Today in the viewer's time zone.
    pub fn today() -> Day {
        let now = js_sys::Date::new_0();
        Day::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(Day { number: 0 })
    }

    /// (year, month 1–12, day 1–31).
    pub fn parts(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(self.number);
        (y as i32, m as u32, d as u32)
    }

    pub fn plus_days(self, days: i64) -> Day {
        Day { number: self.number + days }
    }

    pub fn days_until(self, later: Day) -> i64 {
        later.number - self.number
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.number + 3).rem_euclid(7) as u32
    }

    /// The Monday of this day's week.
    pub fn week_start(self) -> Day {
        self.plus_days(-(self.weekday() as i64))
    }

    pub fn month_start(self) -> Day {
        let (y, m, _) = self.parts();
        Day::new(y, m, 1).unwrap_or(self)
    }

    pub fn month_end(self) -> Day {
        let (y, m, _) = self.parts();
        Day::new(y, m, days_in_month(y, m)).unwrap_or(self)
    }

    /// The same day `months` later (or earlier), kept within the shorter months.
    pub fn plus_months(self, months: i32) -> Day {
        let (y, m, d) = self.parts();
        let index = y * 12 + (m as i32 - 1) + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        Day::new(year, month, d.min(days_in_month(year, month))).unwrap_or(self)
    }

    pub fn same_month(self, other: Day) -> bool {
        let ((y1, m1, _), (y2, m2, _)) = (self.parts(), other.parts());
        y1 == y2 && m1 == m2
    }

    /// Noon of this day as UTC, for the browser to name it (weekday, month) in any zone.
    pub fn noon_utc(self) -> String {
        format!("{self}T12:00:00Z")
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.parts();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The day an instant (milliseconds since the epoch) falls on in `zone`, or in the viewer's
/// time zone.
pub fn day_at(millis: f64, zone: Option<&str>) -> Option<Day> {
    let date = js_sys::Date::new(&millis.into());
    let Some(zone) = zone else {
        return Day::new(date.get_full_year() as i32, date.get_month() + 1, date.get_date());
    };
    let (day, _) = wall_clock(millis, zone)?;
    Some(day)
}

/// The day and the minutes since midnight an instant shows on the clocks of `zone`.
fn wall_clock(millis: f64, zone: &str) -> Option<(Day, u32)> {
    let fields =
        [("year", "numeric"), ("month", "numeric"), ("day", "numeric"), ("hour", "numeric"), ("minute", "numeric")];
    let options: Vec<(&str, &str)> = fields.into_iter().chain([("hourCycle", "h23")]).collect();
    let format = date_time_format(&js_sys::Array::of1(&"en-US".into()), &options, Some(zone));
    let mut values = [None; 5];
    for part in format.format_to_parts(&js_sys::Date::new(&millis.into())).iter() {
        let field = |name: &str| js_sys::Reflect::get(&part, &name.into()).ok().and_then(|v| v.as_string());
        if let Some(index) = field("type").and_then(|kind| fields.iter().position(|(name, _)| *name == kind)) {
            values[index] = field("value").and_then(|v| v.parse::<u32>().ok());
        }
    }
    let [Some(year), Some(month), Some(day), Some(hour), Some(minute)] = values else { return None };
    Some((Day::new(year as i32, month, day)?, hour * 60 + minute))
}

/// The first and last day a date of an event covers: in the viewer's time zone, or in the
/// event's own for an all-day event (its days are the same everywhere).
pub fn occurrence_days(occurrence: &Occurrence) -> Option<(Day, Day)> {
    let zone = occurrence.all_day.then_some(occurrence.time_zone.as_str());
    let start = parse_millis(&occurrence.starts_at)?;
    // An end at midnight belongs to the day before.
    let end = parse_millis(&occurrence.ends_at)?.max(start + 1.0) - 1.0;
    let first = day_at(start, zone)?;
    Some((first, day_at(end, zone)?.max(first)))
}

/// The dates shown on each day from `first` to `last` (an event over several days on each).
pub fn group_by_day(occurrences: &[Occurrence], first: Day, last: Day) -> BTreeMap<Day, Vec<Occurrence>> {
    let mut days: BTreeMap<Day, Vec<Occurrence>> = BTreeMap::new();
    for occurrence in occurrences {
        let Some((start, end)) = occurrence_days(occurrence) else { continue };
        let mut day = start.max(first);
        while day <= end.min(last) {
            days.entry(day).or_default().push(occurrence.clone());
            day = day.plus_days(1);
        }
    }
    days
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// How the calendar is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Month,
    Week,
    Agenda,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::Agenda => "agenda",
        }
    }

    pub fn parse(text: &str) -> Option<View> {
        [View::Month, View::Week, View::Agenda].into_iter().find(|v| v.as_str() == text)
    }
}

/// What `/events` shows, as it stands in the address.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarState {
    pub view: View,
    /// A day of the period shown.
    pub day: Day,
    pub kind: String,
    pub city: String,
    pub mine: bool,
}

impl CalendarState {
    /// The first and last day shown: six whole weeks around a month, one week, or one month.
    pub fn range(&self) -> (Day, Day) {
        match self.view {
            View::Month => {
                let start = self.day.month_start().week_start();
                (start, start.plus_days(41))
            }
            View::Week => {
                let start = self.day.week_start();
                (start, start.plus_days(6))
            }
            View::Agenda => (self.day.month_start(), self.day.month_end()),
        }
    }

    /// The same filters one period earlier (`-1`) or later (`1`).
    pub fn step(&self, direction: i32) -> CalendarState {
        let day = match self.view {
            View::Week => self.day.plus_days(7 * direction as i64),
            View::Month | View::Agenda => self.day.month_start().plus_months(direction),
        };
        CalendarState { day, ..self.clone() }
    }

    /// The view's address; `today` is left out so a link to "now" stays valid tomorrow.
    pub fn href(&self, today: Day) -> String {
        let day = if self.same_period(today) { String::new() } else { self.day.to_string() };
        format!(
            "/events{}",
            crate::api::url::query(&[
                ("view", self.view.as_str()),
                ("date", &day),
                ("kind", &self.kind),
                ("city", &self.city),
                ("mine", if self.mine { "1" } else { "" }),
            ])
        )
    }

    fn same_period(&self, other: Day) -> bool {
        let (first, last) = match self.view {
            View::Week => self.range(),
            View::Month | View::Agenda => (self.day.month_start(), self.day.month_end()),
        };
        first <= other && other <= last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).expect(text)
    }

    #[test]
    fn days_read_and_write_iso_dates() {
        assert_eq!(day("1970-01-01").number, 0);
        assert_eq!(day("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(Day::parse("2023-02-29"), None);
        assert_eq!(Day::parse("2026-13-01"), None);
        assert_eq!(Day::parse("2026-1-01"), None);
        assert_eq!(Day::parse("yesterday"), None);
    }

    #[test]
    fn weeks_start_on_monday_and_months_keep_their_length() {
        assert_eq!(day("2026-12-02").weekday(), 2);
        assert_eq!(day("2026-12-06").week_start(), day("2026-11-30"));
        assert_eq!(day("2026-01-31").plus_months(1), day("2026-02-28"));
        assert_eq!(day("2026-01-15").plus_months(-1), day("2025-12-15"));
        assert_eq!(day("2024-02-10").month_end(), day("2024-02-29"));
    }

    #[test]
    fn a_month_grid_covers_six_whole_weeks_around_the_month() {
        let state = CalendarState {
            view: View::Month,
            day: day("2026-12-17"),
            kind: String::new(),
            city: String::new(),
            mine: false,
        };
        let (first, last) = state.range();
        assert_eq!((first, last), (day("2026-11-30"), day("2027-01-10")));
        assert_eq!(state.step(1).day, day("2027-01-01"));
        let week = CalendarState { view: View::Week, ..state.clone() };
        assert_eq!(week.range(), (day("2026-12-14"), day("2026-12-20")));
        assert_eq!(week.step(-1).range().0, day("2026-12-07"));
    }

    #[test]
    fn addresses_hold_the_view_the_period_and_the_filters() {
        let today = day("2026-12-02");
        let state =
            CalendarState { view: View::Week, day: today, kind: "meetup".into(), city: "Kazan".into(), mine: true };
        assert_eq!(state.href(today), "/events?view=week&kind=meetup&city=Kazan&mine=1");
        assert_eq!(state.step(1).href(today), "/events?view=week&date=2026-12-09&kind=meetup&city=Kazan&mine=1");
        let month = CalendarState {
            view: View::Month,
            day: day("2027-01-01"),
            kind: String::new(),
            city: String::new(),
            mine: false,
        };
        assert_eq!(month.href(today), "/events?view=month&date=2027-01-01");
    }

    /// Native only: proptest's random source does not build for wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn days_survive_a_round_trip(number in -719_000i64..2_900_000) {
                let day = Day { number };
                prop_assert_eq!(Day::parse(&day.to_string()), Some(day));
                prop_assert_eq!(day.week_start().weekday(), 0);
                prop_assert!(day.days_until(day.week_start()) <= 0 && day.days_until(day.week_start()) > -7);
                let state = CalendarState { view: View::Month, day, kind: String::new(), city: String::new(), mine: false };
                let grid = state.range();
                prop_assert!(grid.0 <= day.month_start() && day.month_end() <= grid.1);
                prop_assert_eq!(grid.0.weekday(), 0);
            }
        }
    }
}
