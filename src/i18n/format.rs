//! Dates and numbers in the member's language and time zone, through the browser's `Intl`
//! (no date library in the bundle). The arithmetic that does not need a browser is plain Rust.

use std::cell::RefCell;

use veche_api::Locale;
use wasm_bindgen::prelude::wasm_bindgen;

/// The unit and signed amount a relative time is shown in ("3 days ago" → (-3, Day)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl RelativeUnit {
    fn as_str(self) -> &'static str {
        match self {
            RelativeUnit::Second => "second",
            RelativeUnit::Minute => "minute",
            RelativeUnit::Hour => "hour",
            RelativeUnit::Day => "day",
            RelativeUnit::Week => "week",
            RelativeUnit::Month => "month",
            RelativeUnit::Year => "year",
        }
    }
}

/// Picks the largest unit that gives a whole, non-zero amount (rounding toward zero).
pub fn relative_unit(seconds: i64) -> (i64, RelativeUnit) {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    const WEEK: i64 = 7 * DAY;
    const MONTH: i64 = 30 * DAY;
    const YEAR: i64 = 365 * DAY;
    let magnitude = seconds.abs();
    let (size, unit) = match magnitude {
        m if m >= YEAR => (YEAR, RelativeUnit::Year),
        m if m >= MONTH => (MONTH, RelativeUnit::Month),
        m if m >= WEEK => (WEEK, RelativeUnit::Week),
        m if m >= DAY => (DAY, RelativeUnit::Day),
        m if m >= HOUR => (HOUR, RelativeUnit::Hour),
        m if m >= MINUTE => (MINUTE, RelativeUnit::Minute),
        _ => (1, RelativeUnit::Second),
    };
    (seconds / size, unit)
}

/// Milliseconds since the epoch of an RFC 3339 timestamp, or `None` if the browser can't read it.
pub fn parse_millis(timestamp: &str) -> Option<f64> {
    let millis = js_sys::Date::parse(timestamp);
    (!millis.is_nan()).then_some(millis)
}

/// "3 days ago", "через 2 часа": relative to now.
pub fn relative_time(timestamp: &str, locale: Locale) -> String {
    let Some(millis) = parse_millis(timestamp) else {
        return timestamp.to_owned();
    };
    let seconds = ((millis - js_sys::Date::now()) / 1000.0) as i64;
    let (amount, unit) = relative_unit(seconds);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
    let format = js_sys::Intl::RelativeTimeFormat::new(&locales(locale), &options);
    format.format(amount as f64, unit.as_str()).into()
}

/// How much of a date to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "23 November 2026"
    Long,
    /// "23 Nov 2026, 18:30"
    DateTime,
}

/// A timestamp in the viewer's time zone (or `time_zone`, an IANA name, when given).
pub fn date(timestamp: &str, locale: Locale, style: DateStyle, time_zone: Option<&str>) -> String {
    let options: &[(&str, &str)] = match style {
        DateStyle::Long => &[("dateStyle", "long")],
        DateStyle::DateTime => &[("dateStyle", "medium"), ("timeStyle", "short")],
    };
    intl_date(timestamp, locale, options, time_zone)
}

/// A timestamp written by `Intl.DateTimeFormat` with the given options (`("weekday", "long")`…),
/// in the viewer's time zone or `time_zone`.
pub fn intl_date(timestamp: &str, locale: Locale, options: &[(&str, &str)], time_zone: Option<&str>) -> String {
    let Some(millis) = parse_millis(timestamp) else {
        return timestamp.to_owned();
    };
    let format = date_time_format(&locales(locale), options, time_zone);
    let date = js_sys::Date::new(&millis.into());
    format.format().call1(&format, &date).ok().and_then(|v| v.as_string()).unwrap_or_else(|| timestamp.to_owned())
}

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, which throws (a `RangeError`) for a time zone the
    /// browser does not know: caught here, where `js_sys`'s constructor would trap.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn checked_date_time_format(
        locales: &js_sys::Array,
        options: &js_sys::Object,
    ) -> Result<js_sys::Intl::DateTimeFormat, wasm_bindgen::JsValue>;
}

thread_local! {
    /// Time zones already tried, with whether the browser knew them.
    static TIME_ZONES: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
}

/// Whether the browser's `Intl` knows `zone`. The contract allows any string in a `time_zone`,
/// and browsers differ in the names they know (aliases, new zones).
pub fn known_time_zone(zone: &str) -> bool {
    if let Some(known) = TIME_ZONES.with_borrow(|zones| zones.iter().find(|(name, _)| name == zone).map(|(_, k)| *k)) {
        return known;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into());
    let known = checked_date_time_format(&js_sys::Array::new(), &options).is_ok();
    TIME_ZONES.with_borrow_mut(|zones| zones.push((zone.to_owned(), known)));
    known
}

/// `zone` when the browser knows it, UTC when not (the page says so: `TimeZoneNotice`).
pub fn usable_time_zone(zone: &str) -> &str {
    if known_time_zone(zone) { zone } else { "UTC" }
}

/// `Intl.DateTimeFormat` with `options` in `time_zone` (UTC for a zone the browser does not know),
/// or in the viewer's zone.
pub fn date_time_format(
    locales: &js_sys::Array,
    options: &[(&str, &str)],
    time_zone: Option<&str>,
) -> js_sys::Intl::DateTimeFormat {
    let settings = js_sys::Object::new();
    for (key, value) in options.iter().copied().chain(time_zone.map(|zone| ("timeZone", usable_time_zone(zone)))) {
        let _ = js_sys::Reflect::set(&settings, &key.into(), &value.into());
    }
    checked_date_time_format(locales, &settings)
        .unwrap_or_else(|_| js_sys::Intl::DateTimeFormat::new(locales, &js_sys::Object::new()))
}

/// The viewer's IANA time zone, as the browser knows it.
pub fn viewer_time_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .unwrap_or_else(|| "UTC".to_owned())
}

/// A whole number with the locale's grouping: "12,345" / "12 345" (no-break space).
pub fn number(value: i64, locale: Locale) -> String {
    let separator = match locale {
        Locale::En => ',',
        Locale::Ru => '\u{a0}',
    };
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&locale.tag().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number(0, Locale::En), "0");
        assert_eq!(number(999, Locale::En), "999");
        assert_eq!(number(1200, Locale::En), "1,200");
        assert_eq!(number(-1234567, Locale::En), "-1,234,567");
        assert_eq!(number(12345, Locale::Ru), "12\u{a0}345");
    }

    #[test]
    fn relative_units_round_toward_zero() {
        assert_eq!(relative_unit(0), (0, RelativeUnit::Second));
        assert_eq!(relative_unit(-59), (-59, RelativeUnit::Second));
        assert_eq!(relative_unit(-61), (-1, RelativeUnit::Minute));
        assert_eq!(relative_unit(-3 * 3600 - 5), (-3, RelativeUnit::Hour));
        assert_eq!(relative_unit(2 * 86_400), (2, RelativeUnit::Day));
        assert_eq!(relative_unit(-15 * 86_400), (-2, RelativeUnit::Week));
        assert_eq!(relative_unit(-65 * 86_400), (-2, RelativeUnit::Month));
        assert_eq!(relative_unit(-800 * 86_400), (-2, RelativeUnit::Year));
    }
}
