//! Search across threads, ideas, events, members and articles, and the case-insensitive match both the
//! server (to find) and the app (to highlight) agree on.

use std::ops::Range;

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// What a search result is, and the `type` filter of a search.
    pub enum SearchKind {
        /// A discussion thread (found by its title, opening post or a reply).
        Thread = "thread",
        /// An idea on the board.
        Idea = "idea",
        /// An event in the calendar.
        Event = "event",
        /// A member (found by name or handle).
        Member = "member",
        /// A knowledge-base article.
        Article = "article",
    }
}

/// One thing found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    pub kind: SearchKind,
    pub id: String,
    /// The title, or the member's name.
    pub title: String,
    /// Plain text around the first match (the start of the text when only the title matched).
    pub excerpt: String,
    /// The app's path of the result (`/threads/12`, `/members/anna`).
    pub link: String,
    pub created_at: String,
}

/// Shortest search text, in characters.
pub const QUERY_MIN: usize = 2;
/// Longest search text, in characters.
pub const QUERY_MAX: usize = 100;
/// Longest excerpt, in characters, without the ellipses at its ends.
pub const EXCERPT_MAX: usize = 160;

/// Where `query` first occurs in `text`, ignoring case in every script (Cyrillic too), as a
/// byte range of `text`. An empty query matches nothing.
pub fn find_match(text: &str, query: &str) -> Option<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return None;
    }
    'starts: for (start, _) in text.char_indices() {
        let mut wanted = needle.iter();
        for (offset, c) in text[start..].char_indices() {
            for lower in c.to_lowercase() {
                if wanted.next() != Some(&lower) {
                    continue 'starts;
                }
            }
            if wanted.len() == 0 {
                return Some(start..start + offset + c.len_utf8());
            }
        }
        // The text ended before the query did: no later start is long enough either.
        return None;
    }
    None
}

/// About `max` characters of `text` around `found` (a byte range of it), starting a little
/// before the match, with an ellipsis where text was left out.
pub fn excerpt_around(text: &str, found: Range<usize>, max: usize) -> String {
    const LEAD: usize = 40;
    let before: Vec<(usize, char)> = text[..found.start].char_indices().collect();
    let start = before.len().checked_sub(LEAD).map_or(0, |skip| before[skip].0);
    let shown: String = text[start..].chars().take(max).collect();
    let cut_end = start + shown.len() < text.len();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(shown.trim());
    if cut_end {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_in_cyrillic_and_latin() {
        assert_eq!(find_match("Скажи ПРИВЕТ всем", "привет"), Some(11..23));
        assert_eq!(find_match("say Hello", "HELLO"), Some(4..9));
        assert_eq!(find_match("say Hello", "help"), None);
        assert_eq!(find_match("ab", "abc"), None);
        assert_eq!(find_match("anything", ""), None);
    }

    #[test]
    fn the_match_is_a_slice_of_the_original_text() {
        let text = "Встреча в ПЯТНИЦУ";
        let range = find_match(text, "пятницу").unwrap();
        assert_eq!(&text[range], "ПЯТНИЦУ");
    }

    #[test]
    fn excerpts_keep_the_match_and_mark_what_was_cut() {
        let long = format!("{} needle {}", "word ".repeat(30), "tail ".repeat(60));
        let found = find_match(&long, "needle").unwrap();
        let excerpt = excerpt_around(&long, found, 60);
        assert!(excerpt.starts_with('…') && excerpt.ends_with('…'));
        assert!(excerpt.contains("needle"));
        assert!(excerpt.chars().count() <= 62);
        assert_eq!(excerpt_around("short needle", 6..12, 60), "short needle");
    }
}
