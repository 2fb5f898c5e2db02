//! Staff-written names in each of the community's languages: spaces, idea categories and
//! groups have a name and a description per language. Answers carry `name` and `description`
//! in the request's language (`Accept-Language`), falling back to the other language's words
//! when this one has none, and every language's own words in `translations` (for editing).

use serde::{Deserialize, Serialize};

use crate::Locale;
use crate::validate::{self, FieldErrors};

/// A name and description in one language, as staff wrote them (empty: not written).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameText {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// The words per language. A language this version does not speak is left out when read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<NameText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<NameText>,
}

impl Translations {
    pub fn new(en: NameText, ru: NameText) -> Self {
        Translations { en: Some(en), ru: Some(ru) }
    }

    /// No language's words given (left out of an answer).
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.ru.is_none()
    }

    /// One language's words (empty when not written).
    pub fn get(&self, locale: Locale) -> NameText {
        match locale {
            Locale::Ru => self.ru.clone(),
            _ => self.en.clone(),
        }
        .unwrap_or_default()
    }
}

/// The words for a reader of `locale`: theirs, or the other language's when theirs are blank.
pub fn pick(locale: Locale, english: String, russian: String) -> String {
    let (wanted, other) = match locale {
        Locale::Ru => (russian, english),
        _ => (english, russian),
    };
    if wanted.trim().is_empty() { other } else { wanted }
}

/// Checks the Russian words of a write (`translations.ru.name`, `translations.ru.description`):
/// both may be empty (Russian readers then see the English); a name follows the rules of names.
pub fn check_russian(errors: &mut FieldErrors, russian: Option<&NameText>, name_max: usize, description_max: usize) {
    let Some(russian) = russian else { return };
    if !russian.name.is_empty() {
        errors.check("translations.ru.name", validate::name(&russian.name, 1, name_max));
    }
    errors.check("translations.ru.description", validate::optional_text(&russian.description, description_max));
}

/// `PUT /spaces/{slug}/words`, `PUT /idea-categories/{slug}/words`: both languages' words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordsChange {
    pub en: NameText,
    #[serde(default)]
    pub ru: NameText,
}

/// Longest name and description of a space or category.
pub const WORDS_NAME_MAX: usize = 80;
pub const WORDS_DESCRIPTION_MAX: usize = 2000;

/// The English name is needed (it is what every other language falls back to); the Russian one
/// may be empty. Errors are keyed `en.name`, `en.description`, `ru.name`, `ru.description`.
pub fn check_words(change: &WordsChange) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("en.name", validate::name(&change.en.name, 1, WORDS_NAME_MAX));
    errors.check("en.description", validate::optional_text(&change.en.description, WORDS_DESCRIPTION_MAX));
    if !change.ru.name.trim().is_empty() {
        errors.check("ru.name", validate::name(&change.ru.name, 1, WORDS_NAME_MAX));
    }
    errors.check("ru.description", validate::optional_text(&change.ru.description, WORDS_DESCRIPTION_MAX));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_gets_their_language_or_the_other_one() {
        assert_eq!(pick(Locale::Ru, "Regional clubs".into(), "Региональные клубы".into()), "Региональные клубы");
        assert_eq!(pick(Locale::En, "Regional clubs".into(), "Региональные клубы".into()), "Regional clubs");
        assert_eq!(pick(Locale::Ru, "Regional clubs".into(), " ".into()), "Regional clubs");
        assert_eq!(pick(Locale::En, String::new(), "Региональные клубы".into()), "Региональные клубы");
    }

    #[test]
    fn translations_keep_languages_this_version_does_not_know_out() {
        let read: Translations =
            serde_json::from_str(r#"{"ru":{"name":"Клубы"},"de":{"name":"Klubs"}}"#).expect("valid translations");
        assert_eq!(read.get(Locale::Ru).name, "Клубы");
        assert_eq!(read.get(Locale::En), NameText::default());
    }

    #[test]
    fn words_need_an_english_name_and_clean_names() {
        let mut change = WordsChange::default();
        assert_eq!(check_words(&change).get("en.name"), Some(validate::Issue::Required));
        change.en.name = "Regional clubs".into();
        assert!(check_words(&change).is_empty(), "Russian words may be left out");
        change.ru.name = "Клубы\u{202E}".into();
        assert_eq!(check_words(&change).get("ru.name"), Some(validate::Issue::NameCharacters));
        change.ru.name = "Региональные клубы".into();
        change.ru.description = "д".repeat(2001);
        assert_eq!(check_words(&change).get("ru.description"), Some(validate::Issue::TooLong { max: 2000 }));
    }
}
