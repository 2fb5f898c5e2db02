use serde::{Deserialize, Serialize};

use crate::Locale;

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
