//! iCalendar (RFC 5545) output: one event's `.ics` file and a member's live feed. Lines end
//! with CRLF and are folded at 75 octets without cutting a character in two; text is escaped;
//! every time zone used is described in a VTIMEZONE.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One VEVENT.
pub struct IcsEvent {
    /// Stable across exports, so calendars update the event instead of adding a copy.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub start_local: NaiveDateTime,
    pub end_local: NaiveDateTime,
    pub all_day: bool,
    pub zone: Tz,
    pub rrule: Option<String>,
    pub cancelled: bool,
    pub last_modified: DateTime<Utc>,
}

/// Escapes TEXT values: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets per line, continuation lines start with a space,
/// and a multi-byte character is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A VTIMEZONE for `zone` covering the given years: each change of offset as its own
/// STANDARD or DAYLIGHT block (a zone without changes gets one STANDARD block).
pub fn vtimezone(zone: Tz, years: (i32, i32)) -> String {
    let mut lines = vec![format!("BEGIN:VTIMEZONE"), format!("TZID:{}", zone.name())];
    let start = Utc.with_ymd_and_hms(years.0, 1, 1, 0, 0, 0).single().unwrap_or_else(Utc::now);
    let end = Utc.with_ymd_and_hms(years.1 + 1, 1, 1, 0, 0, 0).single().unwrap_or_else(Utc::now);
    let total = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc();
    let mut blocks = Vec::new();
    let mut t = start;
    let mut previous = total(t);
    while t < end {
        let next = t + Duration::hours(1);
        let now = total(next);
        if now != previous {
            // Narrow the change down to the minute.
            let mut lo = t;
            let mut hi = next;
            while hi - lo > Duration::minutes(1) {
                let mid = lo + (hi - lo) / 2;
                if total(mid) == previous { lo = mid } else { hi = mid }
            }
            let info = zone.offset_from_utc_datetime(&hi.naive_utc());
            let kind = if info.dst_offset().num_seconds() != 0 { "DAYLIGHT" } else { "STANDARD" };
            let local_before = hi.naive_utc() + Duration::seconds(i64::from(previous));
            blocks.push((kind, local_before, previous, now, info.abbreviation().unwrap_or("").to_owned()));
            previous = now;
        }
        t = next;
    }
    if blocks.is_empty() {
        let info = zone.offset_from_utc_datetime(&start.naive_utc());
        let fixed = total(start);
        blocks.push((
            "STANDARD",
            NaiveDateTime::parse_from_str("1970-01-01T00:00:00", "%Y-%m-%dT%H:%M:%S").unwrap_or_default(),
            fixed,
            fixed,
            info.abbreviation().unwrap_or("").to_owned(),
        ));
    }
    for (kind, local, from, to, name) in blocks {
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", offset(from)));
        lines.push(format!("TZOFFSETTO:{}", offset(to)));
        if !name.is_empty() {
            lines.push(format!("TZNAME:{}", escape(&name)));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// A whole calendar.
pub fn calendar(name: &str, events: &[IcsEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Veche//Community calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&fold(line));
    }
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", escape(name))));
    let zones: BTreeSet<&str> =
        events.iter().filter(|e| !e.all_day && e.zone != Tz::UTC).map(|e| e.zone.name()).collect();
    for zone in zones {
        let used: Vec<&IcsEvent> = events.iter().filter(|e| e.zone.name() == zone).collect();
        let first = used.iter().map(|e| e.start_local.year()).min().unwrap_or(now.year());
        let last = used.iter().map(|e| e.start_local.year()).max().unwrap_or(now.year()) + 2;
        if let Ok(tz) = zone.parse::<Tz>() {
            out.push_str(&vtimezone(tz, (first - 1, last)));
        }
    }
    for event in events {
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}", event.uid)));
        out.push_str(&fold(&format!("DTSTAMP:{}", utc_stamp(now))));
        out.push_str(&fold(&format!("LAST-MODIFIED:{}", utc_stamp(event.last_modified))));
        if event.all_day {
            out.push_str(&fold(&format!("DTSTART;VALUE=DATE:{}", event.start_local.format("%Y%m%d"))));
            // DTEND of a date is exclusive: the day after the last day (an end at midnight
            // already names that day).
            let at_midnight = event.end_local.time() == chrono::NaiveTime::MIN;
            let last = if at_midnight { event.end_local.date() - Duration::days(1) } else { event.end_local.date() };
            let end = last.max(event.start_local.date()) + Duration::days(1);
            out.push_str(&fold(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d"))));
        } else if event.zone == Tz::UTC {
            out.push_str(&fold(&format!("DTSTART:{}", event.start_local.format("%Y%m%dT%H%M%SZ"))));
            out.push_str(&fold(&format!("DTEND:{}", event.end_local.format("%Y%m%dT%H%M%SZ"))));
        } else {
            out.push_str(&fold(&format!(
                "DTSTART;TZID={}:{}",
                event.zone.name(),
                event.start_local.format("%Y%m%dT%H%M%S")
            )));
            out.push_str(&fold(&format!(
                "DTEND;TZID={}:{}",
                event.zone.name(),
                event.end_local.format("%Y%m%dT%H%M%S")
            )));
        }
        if let Some(rule) = &event.rrule {
            out.push_str(&fold(&format!("RRULE:{rule}")));
        }
        out.push_str(&fold(&format!("SUMMARY:{}", escape(&event.summary))));
        if !event.description.is_empty() {
            out.push_str(&fold(&format!("DESCRIPTION:{}", escape(&event.description))));
        }
        if !event.location.is_empty() {
            out.push_str(&fold(&format!("LOCATION:{}", escape(&event.location))));
        }
        if !event.url.is_empty() {
            out.push_str(&fold(&format!("URL:{}", event.url)));
        }
        out.push_str(&fold(&format!("STATUS:{}", if event.cancelled { "CANCELLED" } else { "CONFIRMED" })));
        out.push_str(&fold("END:VEVENT"));
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\nnext\r"), "a\\;b\\,c\\\\d\\nnext");
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("SUMMARY:{}", "Встреча клиентов в Екатеринбурге — ".repeat(5));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        // Unfolding gives the line back, character for character.
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        let short = fold("BEGIN:VEVENT");
        assert_eq!(short, "BEGIN:VEVENT\r\n");
    }

    #[test]
    fn zones_with_summer_time_get_both_blocks() {
        let berlin = vtimezone(chrono_tz::Europe::Berlin, (2026, 2026));
        assert!(berlin.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"));
        assert!(berlin.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"));
        let moscow = vtimezone(chrono_tz::Europe::Moscow, (2026, 2026));
        assert!(moscow.contains("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300"));
    }

    proptest::proptest! {
        /// Any text, in any script: every physical line fits 75 octets, is whole UTF-8, and
        /// unfolding gives the escaped line back.
        #[test]
        fn any_text_folds_and_unfolds_to_itself(text in "\\PC{0,300}") {
            let line = format!("DESCRIPTION:{}", escape(&text));
            let folded = fold(&line);
            for physical in folded.trim_end_matches("\r\n").split("\r\n") {
                proptest::prop_assert!(physical.len() <= 75);
            }
            proptest::prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line.clone());
            proptest::prop_assert!(!escape(&text).contains('\n') && !escape(&text).contains('\r'));
        }
    }

    #[test]
    fn all_day_events_end_the_day_after_their_last_day() {
        let day = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        let event = |start: &str, end: &str| IcsEvent {
            uid: "u".into(),
            summary: "Expo".into(),
            description: String::new(),
            location: String::new(),
            url: String::new(),
            start_local: day(start),
            end_local: day(end),
            all_day: true,
            zone: chrono_tz::Europe::Moscow,
            rrule: None,
            cancelled: false,
            last_modified: Utc::now(),
        };
        let now = Utc::now();
        let three_days = calendar("c", &[event("2026-12-08T00:00", "2026-12-10T18:00")], now);
        assert!(three_days.contains("DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261211\r\n"), "{three_days}");
        let to_midnight = calendar("c", &[event("2026-12-08T00:00", "2026-12-10T00:00")], now);
        assert!(to_midnight.contains("DTEND;VALUE=DATE:20261210\r\n"));
        let one_day = calendar("c", &[event("2026-12-08T00:00", "2026-12-08T00:00")], now);
        assert!(one_day.contains("DTEND;VALUE=DATE:20261209\r\n"));
    }
}
