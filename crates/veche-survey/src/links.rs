//! Where the thank-you and the follow-up send people: the community's sign-up, its new-idea form,
//! and an e-mail to a friend.

use veche_api::Locale;

use crate::texts::Text;

/// Where the community lives, as seen from where the survey is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Community {
    /// The Veche origin (`https://community.example.com`), no trailing slash.
    pub origin: String,
    /// Shown inside the community app itself: its links stay in the same tab.
    pub in_app: bool,
}

impl Community {
    /// An absolute link to a page of the community (`path` starts with `/`).
    pub fn page(&self, path: &str) -> String {
        format!("{}{path}", self.origin.trim_end_matches('/'))
    }

    pub fn register(&self) -> String {
        self.page("/register")
    }

    pub fn new_idea(&self) -> String {
        self.page("/ideas/new")
    }

    /// A `mailto:` link with a recommendation of the company and the community's address.
    pub fn share(&self, locale: Locale, company: &str) -> String {
        let subject = Text::ShareSubject.with_company(locale, company);
        let body = format!("{subject}: {}", self.page("/"));
        format!("mailto:?subject={}&body={}", percent_encode(&subject), percent_encode(&body))
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 bytes), as a `mailto:`
/// header value needs.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";
            encoded.push('%');
            encoded.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_point_into_the_community() {
        let community = Community { origin: "https://veche.example.com/".into(), in_app: false };
        assert_eq!(community.register(), "https://veche.example.com/register");
        assert_eq!(community.new_idea(), "https://veche.example.com/ideas/new");
    }

    #[test]
    fn the_share_link_is_an_encoded_mailto() {
        let community = Community { origin: "http://127.0.0.1:8080".into(), in_app: false };
        assert_eq!(
            community.share(Locale::En, "A&B Co"),
            "mailto:?subject=I%20recommend%20A%26B%20Co&body=I%20recommend%20A%26B%20Co%3A%20http%3A%2F%2F127.0.0.1%3A8080%2F"
        );
        assert_eq!(percent_encode("Ё ok~"), "%D0%81%20ok~");
    }
}
