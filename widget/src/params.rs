//! The frame's URL parameters (`/embed/frame/?survey=…&locale=…&host=…&mode=…`), as the loader
//! or the plain-iframe snippet writes them.

use veche_api::Locale;

/// How the host shows the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// In the page, where the script or element stands; the loader sizes it.
    Inline,
    /// A bar at the bottom of the window.
    Banner,
    /// A dialog over the page: Escape closes it.
    Modal,
    /// The plain `<iframe>` snippet, no loader: a fixed height, and the frame itself remembers
    /// that the visitor answered.
    Static,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameParams {
    pub survey: String,
    /// Absent or unknown: the browser's language.
    pub locale: Option<Locale>,
    /// The host page's origin, where messages go (checked against the real parent).
    pub host: Option<String>,
    pub mode: Mode,
    pub accent: Option<String>,
    pub respondent: Option<String>,
    pub segment: Option<String>,
    /// Only deliver what the outbox holds, show nothing.
    pub flush: bool,
}

impl FrameParams {
    /// Reads a query string (with or without its `?`); empty values count as absent.
    pub fn parse(query: &str) -> FrameParams {
        let mut params = FrameParams {
            survey: String::new(),
            locale: None,
            host: None,
            mode: Mode::Static,
            accent: None,
            respondent: None,
            segment: None,
            flush: false,
        };
        for pair in query.trim_start_matches('?').split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            if value.is_empty() {
                continue;
            }
            match name {
                // Ids are the server's: letters, digits, '-' and '_'. Anything else asks for nothing.
                "survey" if value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => {
                    params.survey = value
                }
                "locale" => params.locale = Locale::from_tag(&value),
                "host" => params.host = Some(value),
                "mode" => {
                    params.mode = match value.as_str() {
                        "inline" => Mode::Inline,
                        "banner" => Mode::Banner,
                        "modal" => Mode::Modal,
                        _ => Mode::Static,
                    }
                }
                "accent" => params.accent = Some(value),
                "respondent" => params.respondent = Some(value),
                "segment" => params.segment = Some(value),
                "flush" => params.flush = value == "1",
                _ => {}
            }
        }
        params
    }
}

/// Decodes one value of `application/x-www-form-urlencoded` (`+` and `%XX`, UTF-8).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|pair| std::str::from_utf8(pair).ok());
        match (bytes[i], hex.and_then(|pair| u8::from_str_radix(pair, 16).ok())) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (b'+', _) => {
                decoded.push(b' ');
                i += 1;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_parameters_are_read() {
        let params = FrameParams::parse(
            "?survey=s-1&locale=ru&host=https%3A%2F%2Fshop.example.com&mode=modal&accent=%23ff0000&respondent=ann%40example.com&segment=trial+plan&flush=1",
        );
        assert_eq!(params.survey, "s-1");
        assert_eq!(params.locale, Some(Locale::Ru));
        assert_eq!(params.host.as_deref(), Some("https://shop.example.com"));
        assert_eq!(params.mode, Mode::Modal);
        assert_eq!(params.accent.as_deref(), Some("#ff0000"));
        assert_eq!(params.respondent.as_deref(), Some("ann@example.com"));
        assert_eq!(params.segment.as_deref(), Some("trial plan"));
        assert!(params.flush);
    }

    #[test]
    fn a_plain_iframe_snippet_is_static() {
        let params = FrameParams::parse("survey=s-2&locale=de&respondent=&flush=0");
        assert_eq!(params.mode, Mode::Static);
        assert_eq!(params.locale, None);
        assert_eq!(params.respondent, None);
        assert!(!params.flush);
        assert_eq!(FrameParams::parse("survey=..%2Fauth%2Fme").survey, "");
    }

    #[test]
    fn broken_escapes_stay_as_they_are() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(decode("%D0%AF"), "Я");
    }
}
