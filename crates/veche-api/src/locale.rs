use serde::{Deserialize, Serialize};

/// A language Veche speaks. Everything visible exists in each of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ru,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ru];

    /// The BCP 47 tag, as given to `Intl` and `lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
        }
    }

    /// Reads a language tag such as `ru`, `ru-RU` or `EN_us`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            _ => None,
        }
    }

    /// Reads a response's language leniently (enums are open): one the app does not speak is
    /// English, instead of failing the whole answer. For `#[serde(deserialize_with)]`.
    pub fn deserialize_or_default<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Locale, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Ok(Locale::from_tag(&tag).unwrap_or_default())
    }

    /// Reads a response's list of languages, leaving out those the app does not speak.
    pub fn deserialize_known<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Locale>, D::Error> {
        let tags = Vec::<String>::deserialize(deserializer)?;
        Ok(tags.iter().filter_map(|tag| Locale::from_tag(tag)).collect())
    }

    /// Picks the first supported language from an `Accept-Language` value or a list of browser
    /// languages, honouring `q=` weights; English when none is supported.
    pub fn negotiate(accept_language: &str) -> Locale {
        let mut best: Option<(u16, usize, Locale)> = None;
        for (position, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.split(';');
            let Some(locale) = pieces.next().and_then(Locale::from_tag) else {
                continue;
            };
            let weight = match pieces.find_map(|p| p.trim().strip_prefix("q=")) {
                Some(q) => quality_thousandths(q).unwrap_or(0),
                None => 1000,
            };
            if weight == 0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((w, p, _)) => weight > w || (weight == w && position < p),
            };
            if better {
                best = Some((weight, position, locale));
            }
        }
        best.map(|(_, _, l)| l).unwrap_or_default()
    }
}

/// An HTTP quality value ("0.8", "1", "0.125") in thousandths, without float parsing (which
/// would cost the browser bundle several kilobytes).
fn quality_thousandths(q: &str) -> Option<u16> {
    let (whole, fraction) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = whole.parse().ok()?;
    let fraction: u16 = format!("{fraction:0<3}").parse().ok()?;
    let value = whole.checked_mul(1000)?.checked_add(fraction)?;
    (value <= 1000).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_are_recognised() {
        assert_eq!(Locale::from_tag("ru-RU"), Some(Locale::Ru));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiation_honours_weights_then_order() {
        assert_eq!(Locale::negotiate("de-DE,ru;q=0.8,en;q=0.5"), Locale::Ru);
        assert_eq!(Locale::negotiate("en;q=0.3, ru;q=0.9"), Locale::Ru);
        assert_eq!(Locale::negotiate("ru, en"), Locale::Ru);
        assert_eq!(Locale::negotiate("en, ru"), Locale::En);
        assert_eq!(Locale::negotiate("ru;q=0"), Locale::En);
        assert_eq!(Locale::negotiate("fr"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
        assert_eq!(Locale::negotiate("ru;q=0.002,en;q=0.001"), Locale::Ru);
        assert_eq!(Locale::negotiate("ru;q=2,en;q=0.5"), Locale::En);
    }

    #[test]
    fn quality_values_parse_without_floats() {
        assert_eq!(quality_thousandths("0.8"), Some(800));
        assert_eq!(quality_thousandths("1"), Some(1000));
        assert_eq!(quality_thousandths("1.000"), Some(1000));
        assert_eq!(quality_thousandths("0.125"), Some(125));
        assert_eq!(quality_thousandths("0"), Some(0));
        assert_eq!(quality_thousandths("1.5"), None);
        assert_eq!(quality_thousandths("0.1234"), None);
        assert_eq!(quality_thousandths("x"), None);
    }
}

/// CLDR plural categories Veche's languages use for integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
}

impl Locale {
    /// The plural category of `n` (CLDR rules for integers), so "1 reply / 3 replies" and
    /// "1 ответ / 3 ответа / 5 ответов" come out right without `Intl.PluralRules`.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Locale::En => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Many
                }
            }
            Locale::Ru => match (n % 10, n % 100) {
                (1, h) if h != 11 => Plural::One,
                (2..=4, h) if !(12..=14).contains(&h) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }

    /// Picks the form for `n` from `[one, few, many]` (English uses `one` and `many`).
    pub fn pick(self, n: u64, forms: [&str; 3]) -> &str {
        match self.plural(n) {
            Plural::One => forms[0],
            Plural::Few => forms[1],
            Plural::Many => forms[2],
        }
    }
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_cldr() {
        let forms = ["ответ", "ответа", "ответов"];
        let got: Vec<&str> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1000]
            .iter()
            .map(|&n| Locale::Ru.pick(n, forms))
            .collect();
        assert_eq!(
            got,
            [
                "ответов",
                "ответ",
                "ответа",
                "ответа",
                "ответов",
                "ответов",
                "ответов",
                "ответов",
                "ответ",
                "ответа",
                "ответов",
                "ответ",
                "ответов",
                "ответов",
                "ответов"
            ]
        );
    }

    #[test]
    fn english_has_one_and_other() {
        let forms = ["reply", "replies", "replies"];
        assert_eq!(Locale::En.pick(1, forms), "reply");
        assert_eq!(Locale::En.pick(0, forms), "replies");
        assert_eq!(Locale::En.pick(21, forms), "replies");
    }
}
