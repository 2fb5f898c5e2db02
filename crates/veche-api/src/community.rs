use serde::{Deserialize, Serialize};

use crate::Locale;

crate::open_enum! {
    /// Who may join the community.
    pub enum JoinPolicy {
        /// Anyone registers and is in at once.
        Anyone = "anyone",
        /// Only people staff invited by e-mail, through the invitation's link.
        Invitation = "invitation",
        /// Anyone may ask; staff approve or decline each registration.
        Approval = "approval",
        /// Only addresses of the listed e-mail domains (`allowed_email_domains`).
        Domains = "domains",
    }
}

// The macro declares the enum, so `#[derive(Default)]` cannot mark a variant.
#[allow(clippy::derivable_impls)]
impl Default for JoinPolicy {
    fn default() -> Self {
        JoinPolicy::Anyone
    }
}

/// `GET /community`: who this community is and what it offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Community {
    pub name: String,
    pub description: String,
    /// `YYYY-MM-DD`: the day the community started ("days of the community").
    pub founded_on: String,
    #[serde(deserialize_with = "Locale::deserialize_or_default")]
    pub default_locale: Locale,
    #[serde(deserialize_with = "Locale::deserialize_known")]
    pub locales: Vec<Locale>,
    /// IANA name of the community's home time zone.
    pub time_zone: String,
    #[serde(default)]
    pub features: Features,
    /// `#rrggbb`: buttons and links; white text on it passes WCAG AA. `None`: the app's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<String>,
    /// The community's logo, shown in the header beside its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(default)]
    pub join_policy: JoinPolicy,
    /// With the policy `domains`: the only e-mail domains that may join (lower case).
    #[serde(default)]
    pub allowed_email_domains: Vec<String>,
    /// Members must confirm their e-mail address before they post.
    #[serde(default)]
    pub email_confirmation_required: bool,
}

/// Areas this backend offers. A missing flag means "off", so a backend that implements only
/// part of the contract still works: the app hides what is off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Features {
    pub threads: bool,
    pub ideas: bool,
    pub events: bool,
    pub members: bool,
    pub surveys: bool,
    pub groups: bool,
}

impl Features {
    /// Every area on.
    pub fn all() -> Self {
        Features { threads: true, ideas: true, events: true, members: true, surveys: true, groups: true }
    }
}

/// `PUT /community` (staff): every setting at once, as the settings page sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommunitySettings {
    pub name: String,
    pub description: String,
    /// `YYYY-MM-DD`.
    pub founded_on: String,
    pub default_locale: Locale,
    /// An IANA time zone name (`Europe/Moscow`).
    pub time_zone: String,
    /// `#rrggbb`, or `None` for the app's own.
    #[serde(default)]
    pub accent_color: Option<String>,
    pub features: Features,
    pub join_policy: JoinPolicy,
    #[serde(default)]
    pub allowed_email_domains: Vec<String>,
    #[serde(default)]
    pub email_confirmation_required: bool,
}

/// `POST /community/invitations` (staff): whom to invite, and in which language to write.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvitationRequest {
    pub email: String,
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// An invitation that was mailed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub email: String,
    /// RFC 3339: after this the link no longer works.
    pub expires_at: String,
}

/// A registration waiting for staff approval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingRegistration {
    pub id: String,
    pub handle: String,
    pub display_name: String,
    pub email: String,
    /// RFC 3339.
    pub created_at: String,
}

crate::open_enum! {
    /// What staff decided about a registration.
    pub enum RegistrationDecision {
        Approve = "approve",
        Decline = "decline",
    }
}

/// `PUT /community/registrations/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationDecisionRequest {
    pub decision: RegistrationDecision,
}

/// `GET /community/stats`: the home page's counters, each counting only what the viewer may
/// read (a closed group's ideas and votes are for its members).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommunityStats {
    /// Members whose profile is not hidden by a moderator.
    pub members: i64,
    /// Whole days from `founded_on` to today in the community's time zone.
    pub days: i64,
    /// Ideas, not counting duplicates merged into another or ideas hidden by a moderator.
    pub ideas: i64,
    /// Votes on those ideas (and on duplicates, whose votes count where they were given).
    pub votes: i64,
    /// Ideas with the status `implemented`.
    pub implemented: i64,
}

/// The text colour the app writes on the accent (buttons, the day of today): white.
pub const ON_ACCENT: (u8, u8, u8) = (0xff, 0xff, 0xff);

/// WCAG AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// `#rrggbb` (either case) as its three channels.
pub fn parse_hex_color(value: &str) -> Option<(u8, u8, u8)> {
    let hex = value.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// WCAG 2 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(one: (u8, u8, u8), other: (u8, u8, u8)) -> f64 {
    let (a, b) = (luminance(one), luminance(other));
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let white = (255, 255, 255);
        assert!((contrast_ratio(white, (0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // The app's own accent passes; a light yellow does not.
        assert!(contrast_ratio(white, parse_hex_color("#1d4ed8").unwrap()) >= MIN_CONTRAST);
        assert!(contrast_ratio(white, parse_hex_color("#ffd400").unwrap()) < MIN_CONTRAST);
        // #767676 is the lightest grey that passes on white (4.54:1); #777777 fails (4.48:1).
        assert!(contrast_ratio(white, parse_hex_color("#767676").unwrap()) >= MIN_CONTRAST);
        assert!(contrast_ratio(white, parse_hex_color("#777777").unwrap()) < MIN_CONTRAST);
    }

    #[test]
    fn colours_are_six_hex_digits() {
        assert_eq!(parse_hex_color("#0A5c8a"), Some((0x0a, 0x5c, 0x8a)));
        for bad in ["0a5c8a", "#0a5c8", "#0a5c8az", "#fff", "", "#ééé"] {
            assert_eq!(parse_hex_color(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn unknown_join_policies_are_read() {
        let community: Community = serde_json::from_str(
            r#"{"name":"N","description":"","founded_on":"2024-01-01","default_locale":"en","locales":["en"],
                "time_zone":"UTC","join_policy":"sso_only"}"#,
        )
        .unwrap();
        assert_eq!(community.join_policy, JoinPolicy::Unknown);
        assert!(community.allowed_email_domains.is_empty());
    }
}
