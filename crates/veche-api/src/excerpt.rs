//! The one rule for previews of a text in lists (thread rows, quotes, notifications, article
//! summaries): whitespace collapsed, at most `max_chars` characters with the ellipsis, cut after
//! a whole word. The server applies it to the plain text of markdown (`db::threads::excerpt`);
//! the app's `markdown::plain_excerpt` to the plain text it renders.

/// `text` with its whitespace collapsed to single spaces and, when longer than `max_chars`
/// characters, cut after the last whole word that fits with "…" (a single word longer than the
/// limit is cut inside it). The ellipsis counts towards the limit.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    if collapsed.chars().count() <= max_chars {
        return collapsed;
    }
    if max_chars == 0 {
        return String::new();
    }
    // Room for the ellipsis; the cut lands on a character boundary.
    let cut = collapsed.char_indices().nth(max_chars - 1).map_or(collapsed.len(), |(index, _)| index);
    let whole_words = if collapsed[cut..].starts_with(' ') { cut } else { collapsed[..cut].rfind(' ').unwrap_or(cut) };
    let mut excerpt = collapsed[..whole_words].trim_end().to_owned();
    excerpt.push('…');
    excerpt
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn short_texts_are_only_collapsed() {
        assert_eq!(shorten("  one\n two\tthree ", 50), "one two three");
        assert_eq!(shorten("", 10), "");
    }

    #[test]
    fn long_texts_are_cut_at_a_word_boundary_within_the_limit() {
        assert_eq!(shorten("one two three", 13), "one two three");
        assert_eq!(shorten("one two three", 12), "one two…");
        assert_eq!(shorten("one two three", 8), "one two…");
        assert_eq!(shorten("one two three", 7), "one…");
        assert_eq!(shorten("incomprehensibilities", 5), "inco…");
        assert_eq!(shorten("привет мир всем", 11), "привет мир…");
        assert_eq!(shorten("one two", 0), "");
        assert_eq!(shorten("one two", 1), "…");
    }

    #[test]
    fn the_result_never_exceeds_the_limit() {
        let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor";
        for max in 0..text.len() + 2 {
            assert!(shorten(text, max).chars().count() <= max, "{max}");
        }
    }
}
