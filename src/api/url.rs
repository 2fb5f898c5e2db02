//! Building query strings for API paths (plain Rust, so it is tested without a browser).

/// `?key=value&…`, values percent-encoded (RFC 3986 unreserved characters kept), empty values
/// left out; an empty string when nothing remains.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let encoded: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect();
    if encoded.is_empty() { String::new() } else { format!("?{}", encoded.join("&")) }
}

/// A list's path for one page: after `cursor` (none: the first page), `limit` items.
pub fn page_path(list: &str, cursor: Option<String>, limit: u32) -> String {
    format!("{list}{}", query(&[("cursor", cursor.as_deref().unwrap_or_default()), ("limit", &limit.to_string())]))
}

/// Percent-encodes everything but `A–Z a–z 0–9 - . _ ~`, byte by byte of the UTF-8.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_queries() {
        assert_eq!(query(&[]), "");
        assert_eq!(query(&[("q", ""), ("sort", "top")]), "?sort=top");
        assert_eq!(query(&[("q", "a&b=c d"), ("n", "1")]), "?q=a%26b%3Dc%20d&n=1");
        assert_eq!(encode("Ёж/?"), "%D0%81%D0%B6%2F%3F");
    }
}
