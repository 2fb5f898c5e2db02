//! The community charter: the rules members accept when they join, and what each community role
//! (president, mentors, partners, heroes, catalyst, scouts, supporters) does — in English and
//! Russian, edited by staff.

use serde::{Deserialize, Serialize};

use crate::Locale;
use crate::member::CommunityRole;
use crate::validate::{self, FieldErrors, Issue};

/// Longest rules text (markdown), in characters.
pub const RULES_MAX: usize = 20_000;
/// Longest description of one role, in characters.
pub const DUTY_MAX: usize = 600;
/// Longest name staff give a role, in characters.
pub const ROLE_NAME_MAX: usize = 60;

/// What one community role does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleDuty {
    pub role: CommunityRole,
    /// The community's own name for the role in this language ("Наставник клуба"); empty: the
    /// standard name of the role, which the app knows in every language it speaks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub description: String,
}

/// The charter in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CharterText {
    /// Markdown, rendered safely.
    pub rules: String,
    /// In the order shown.
    #[serde(default)]
    pub roles: Vec<RoleDuty>,
}

/// `GET /charter`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Charter {
    pub en: CharterText,
    pub ru: CharterText,
    /// Grows with every saved change; an edit names the version it started from.
    pub version: i64,
    /// RFC 3339; absent until staff first change the charter.
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl Charter {
    /// The text for a reader of `locale`: the other language's when this one has no rules yet.
    pub fn text(&self, locale: Locale) -> &CharterText {
        let (wanted, other) = match locale {
            Locale::Ru => (&self.ru, &self.en),
            _ => (&self.en, &self.ru),
        };
        if wanted.rules.trim().is_empty() { other } else { wanted }
    }
}

/// `PUT /charter` (staff): the whole charter, and the version the edit started from (an older
/// one than the stored charter is refused with 409, so one editor never overwrites another).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CharterInput {
    pub en: CharterText,
    pub ru: CharterText,
    pub version: i64,
}

/// Field names: `version`, `en.rules`, `ru.roles.mentor`, `en.roles` (a role named twice or unknown).
pub fn check_charter(input: &CharterInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if input.version < 0 {
        errors.add("version", Issue::Invalid);
    }
    if input.en.rules.trim().is_empty() && input.ru.rules.trim().is_empty() {
        errors.add("en.rules", Issue::Required);
    }
    for (language, text) in [("en", &input.en), ("ru", &input.ru)] {
        errors.check(&format!("{language}.rules"), validate::optional_text(&text.rules, RULES_MAX));
        let mut seen = Vec::new();
        for duty in &text.roles {
            if duty.role == CommunityRole::Unknown || seen.contains(&duty.role) {
                errors.add(&format!("{language}.roles"), Issue::Invalid);
                continue;
            }
            seen.push(duty.role);
            errors.check(
                &format!("{language}.roles.{}", duty.role.as_str()),
                validate::text(&duty.description, 1, DUTY_MAX),
            );
            if !duty.name.is_empty() {
                errors.check(
                    &format!("{language}.roles.{}.name", duty.role.as_str()),
                    validate::name(&duty.name, 1, ROLE_NAME_MAX),
                );
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duty(role: CommunityRole, description: &str) -> RoleDuty {
        RoleDuty { role, name: String::new(), description: description.into() }
    }

    #[test]
    fn a_role_may_have_the_communitys_own_name_in_each_language() {
        let mut charter = input("Be kind.", "Будьте вежливы.");
        charter.ru.roles.push(RoleDuty {
            role: CommunityRole::Hero,
            name: "Герой клуба".into(),
            description: "Помогает другим.".into(),
        });
        assert!(check_charter(&charter).is_empty());
        charter.ru.roles[0].name = "я".repeat(ROLE_NAME_MAX + 1);
        assert_eq!(check_charter(&charter).get("ru.roles.hero.name"), Some(Issue::TooLong { max: ROLE_NAME_MAX }));
        let read: RoleDuty = serde_json::from_str(r#"{"role":"mentor","description":"Helps."}"#).expect("a duty");
        assert!(read.name.is_empty(), "no name: the standard one");
    }

    fn input(en_rules: &str, ru_rules: &str) -> CharterInput {
        CharterInput {
            en: CharterText { rules: en_rules.into(), roles: vec![duty(CommunityRole::Mentor, "Helps newcomers.")] },
            ru: CharterText { rules: ru_rules.into(), roles: vec![] },
            version: 1,
        }
    }

    #[test]
    fn one_language_is_enough_but_not_none() {
        assert!(check_charter(&input("Be kind.", "")).is_empty());
        assert!(check_charter(&input("", "Будьте вежливы.")).is_empty());
        assert_eq!(check_charter(&input(" ", "")).get("en.rules"), Some(Issue::Required));
    }

    #[test]
    fn rules_and_duties_have_limits() {
        let long = "x".repeat(RULES_MAX + 1);
        assert_eq!(check_charter(&input(&long, "")).get("en.rules"), Some(Issue::TooLong { max: RULES_MAX }));
        let mut charter = input("Be kind.", "");
        charter.ru.roles.push(duty(CommunityRole::Scout, ""));
        charter.en.roles.push(duty(CommunityRole::Hero, &"я".repeat(DUTY_MAX + 1)));
        let errors = check_charter(&charter);
        assert_eq!(errors.get("ru.roles.scout"), Some(Issue::Required));
        assert_eq!(errors.get("en.roles.hero"), Some(Issue::TooLong { max: DUTY_MAX }));
    }

    #[test]
    fn a_role_is_described_once_and_must_be_known() {
        let mut charter = input("Be kind.", "");
        charter.en.roles.push(duty(CommunityRole::Mentor, "Again."));
        assert_eq!(check_charter(&charter).get("en.roles"), Some(Issue::Invalid));
        let mut charter = input("Be kind.", "");
        charter.ru.roles.push(duty(CommunityRole::Unknown, "Кто-то."));
        assert_eq!(check_charter(&charter).get("ru.roles"), Some(Issue::Invalid));
    }

    #[test]
    fn a_reader_gets_the_other_language_when_theirs_is_empty() {
        let charter = Charter {
            en: CharterText { rules: "Be kind.".into(), roles: vec![] },
            ru: CharterText::default(),
            version: 1,
            updated_at: None,
        };
        assert_eq!(charter.text(Locale::Ru).rules, "Be kind.");
        assert_eq!(charter.text(Locale::En).rules, "Be kind.");
    }
}
