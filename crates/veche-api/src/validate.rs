//! Input rules both sides apply: the app checks before sending (instant feedback), the server
//! checks again (the only check that counts) and answers 422 with the same messages.

use std::collections::BTreeMap;

use crate::Locale;
use crate::auth::{ChangeEmailRequest, ChangePasswordRequest, LoginRequest, RegisterRequest, ResetPasswordRequest};

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issue {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    HandleFormat,
    EmailFormat,
    Taken,
    MustAccept,
    NotFound,
    OutOfRange {
        min: i64,
        max: i64,
    },
    Invalid,
    /// The current password, asked again before a change, does not match.
    WrongPassword,
}

impl Issue {
    /// The message shown beside the field.
    pub fn message(self, locale: Locale) -> String {
        let chars = |n: usize| match locale {
            Locale::En => locale.pick(n as u64, ["character", "characters", "characters"]),
            // After "не больше/не меньше" Russian takes the genitive: 1 символа, 2 символов.
            Locale::Ru => locale.pick(n as u64, ["символа", "символов", "символов"]),
        };
        match (self, locale) {
            (Issue::Required, Locale::En) => "This field is required.".into(),
            (Issue::Required, Locale::Ru) => "Заполните это поле.".into(),
            (Issue::TooShort { min }, Locale::En) => format!("Use at least {min} {}.", chars(min)),
            (Issue::TooShort { min }, Locale::Ru) => {
                format!("Нужно не меньше {min} {}.", chars(min))
            }
            (Issue::TooLong { max }, Locale::En) => format!("Use at most {max} {}.", chars(max)),
            (Issue::TooLong { max }, Locale::Ru) => {
                format!("Можно не больше {max} {}.", chars(max))
            }
            (Issue::HandleFormat, Locale::En) => {
                "Use 3–30 Latin letters, digits, '_' or '-', starting with a letter.".into()
            }
            (Issue::HandleFormat, Locale::Ru) => "3–30 латинских букв, цифр, «_» или «-», первая — буква.".into(),
            (Issue::EmailFormat, Locale::En) => "Enter an e-mail address like name@example.com.".into(),
            (Issue::EmailFormat, Locale::Ru) => "Введите адрес вида name@example.com.".into(),
            (Issue::Taken, Locale::En) => "This is already taken.".into(),
            (Issue::Taken, Locale::Ru) => "Это значение уже занято.".into(),
            (Issue::MustAccept, Locale::En) => "Please accept the community rules to join.".into(),
            (Issue::MustAccept, Locale::Ru) => "Чтобы вступить, примите правила сообщества.".into(),
            (Issue::NotFound, Locale::En) => "There is no such item.".into(),
            (Issue::NotFound, Locale::Ru) => "Такого элемента нет.".into(),
            (Issue::OutOfRange { min, max }, Locale::En) => {
                format!("Enter a number from {min} to {max}.")
            }
            (Issue::OutOfRange { min, max }, Locale::Ru) => {
                format!("Введите число от {min} до {max}.")
            }
            (Issue::Invalid, Locale::En) => "This value is not valid.".into(),
            (Issue::Invalid, Locale::Ru) => "Недопустимое значение.".into(),
            (Issue::WrongPassword, Locale::En) => "This is not your current password.".into(),
            (Issue::WrongPassword, Locale::Ru) => "Это не ваш текущий пароль.".into(),
        }
    }
}

/// The problems found in one request, by field name (the JSON property).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    issues: BTreeMap<String, Issue>,
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the field's first problem; later ones for the same field are dropped, so the
    /// member sees one thing to fix at a time.
    pub fn add(&mut self, field: &str, issue: Issue) {
        self.issues.entry(field.to_owned()).or_insert(issue);
    }

    /// Records `issue` if there is one.
    pub fn check(&mut self, field: &str, issue: Option<Issue>) {
        if let Some(issue) = issue {
            self.add(field, issue);
        }
    }

    pub fn get(&self, field: &str) -> Option<Issue> {
        self.issues.get(field).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// The `errors` map of a 422 answer.
    pub fn messages(&self, locale: Locale) -> BTreeMap<String, String> {
        self.issues.iter().map(|(field, issue)| (field.clone(), issue.message(locale))).collect()
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Length rule on trimmed text, counted in characters (not bytes), so Cyrillic gets the same room.
pub fn text(value: &str, min: usize, max: usize) -> Option<Issue> {
    let length = value.trim().chars().count();
    if length == 0 && min > 0 {
        Some(Issue::Required)
    } else if length < min {
        Some(Issue::TooShort { min })
    } else if length > max {
        Some(Issue::TooLong { max })
    } else {
        None
    }
}

/// Optional text: empty is fine, otherwise at most `max` characters.
pub fn optional_text(value: &str, max: usize) -> Option<Issue> {
    text(value, 0, max)
}

/// A handle is the member's address (`/members/<handle>`, `@handle` mentions).
pub fn handle(value: &str) -> Option<Issue> {
    if value.is_empty() {
        return Some(Issue::Required);
    }
    let mut chars = value.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    let length = value.len();
    if !(3..=30).contains(&length) || !starts_with_letter || !rest_ok { Some(Issue::HandleFormat) } else { None }
}

/// Deliberately loose: one `@`, something before it, a dot in the domain, no spaces.
pub fn email(value: &str) -> Option<Issue> {
    let value = value.trim();
    if value.is_empty() {
        return Some(Issue::Required);
    }
    if value.chars().count() > 254 {
        return Some(Issue::TooLong { max: 254 });
    }
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid { None } else { Some(Issue::EmailFormat) }
}

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const DISPLAY_NAME_MAX: usize = 60;

pub fn password(value: &str) -> Option<Issue> {
    let length = value.chars().count();
    if length == 0 {
        Some(Issue::Required)
    } else if length < PASSWORD_MIN {
        Some(Issue::TooShort { min: PASSWORD_MIN })
    } else if length > PASSWORD_MAX {
        Some(Issue::TooLong { max: PASSWORD_MAX })
    } else {
        None
    }
}

pub fn registration(request: &RegisterRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("handle", handle(&request.handle));
    errors.check("display_name", text(&request.display_name, 2, DISPLAY_NAME_MAX));
    errors.check("email", email(&request.email));
    errors.check("password", password(&request.password));
    if !request.accept_charter {
        errors.add("accept_charter", Issue::MustAccept);
    }
    errors
}

pub fn login(request: &LoginRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("login", text(&request.login, 1, 254));
    if request.password.is_empty() {
        errors.add("password", Issue::Required);
    }
    errors
}

pub fn password_change(request: &ChangePasswordRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if request.current_password.is_empty() {
        errors.add("current_password", Issue::Required);
    }
    errors.check("new_password", password(&request.new_password));
    errors
}

pub fn password_reset(request: &ResetPasswordRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("password", password(&request.password));
    errors
}

pub fn email_change(request: &ChangeEmailRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("email", email(&request.email));
    if request.current_password.is_empty() {
        errors.add("current_password", Issue::Required);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn valid_registration() -> RegisterRequest {
        RegisterRequest {
            handle: "anna".into(),
            display_name: "Anna Petrova".into(),
            email: "anna@example.com".into(),
            password: "correct horse".into(),
            locale: None,
            accept_charter: true,
        }
    }

    #[test]
    fn a_complete_registration_passes() {
        assert!(registration(&valid_registration()).is_empty());
    }

    #[test]
    fn each_bad_field_is_named() {
        let request = RegisterRequest {
            handle: "1abc".into(),
            display_name: " ".into(),
            email: "anna.example.com".into(),
            password: "short".into(),
            locale: None,
            accept_charter: false,
        };
        let errors = registration(&request);
        assert_eq!(errors.get("handle"), Some(Issue::HandleFormat));
        assert_eq!(errors.get("display_name"), Some(Issue::Required));
        assert_eq!(errors.get("email"), Some(Issue::EmailFormat));
        assert_eq!(errors.get("password"), Some(Issue::TooShort { min: 8 }));
        assert_eq!(errors.get("accept_charter"), Some(Issue::MustAccept));
    }

    #[test]
    fn messages_are_localised_with_plurals() {
        assert_eq!(Issue::TooShort { min: 8 }.message(Locale::En), "Use at least 8 characters.");
        assert_eq!(Issue::TooShort { min: 8 }.message(Locale::Ru), "Нужно не меньше 8 символов.");
        assert_eq!(Issue::TooLong { max: 2 }.message(Locale::Ru), "Можно не больше 2 символов.");
        assert_eq!(Issue::TooLong { max: 1 }.message(Locale::En), "Use at most 1 character.");
        assert_eq!(Issue::TooLong { max: 21 }.message(Locale::Ru), "Можно не больше 21 символа.");
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(text("Ёжик", 4, 4), None);
        assert_eq!(text("Ёжики", 1, 4), Some(Issue::TooLong { max: 4 }));
    }

    #[test]
    fn account_changes_name_each_missing_or_bad_field() {
        let change = ChangePasswordRequest { current_password: String::new(), new_password: "short".into() };
        let errors = password_change(&change);
        assert_eq!(errors.get("current_password"), Some(Issue::Required));
        assert_eq!(errors.get("new_password"), Some(Issue::TooShort { min: 8 }));
        let email = ChangeEmailRequest { email: "nope".into(), current_password: "secret".into() };
        assert_eq!(email_change(&email).get("email"), Some(Issue::EmailFormat));
        assert!(email_change(&email).get("current_password").is_none());
        let reset = ResetPasswordRequest { token: "t".into(), password: "long enough".into() };
        assert!(password_reset(&reset).is_empty());
        assert_eq!(Issue::WrongPassword.message(Locale::Ru), "Это не ваш текущий пароль.");
    }

    #[test]
    fn emails() {
        assert_eq!(email("a@b.co"), None);
        for bad in ["a@b", "@b.co", "a b@c.de", "a@@b.co", "a@.b", "a@b."] {
            assert_eq!(email(bad), Some(Issue::EmailFormat), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn accepted_handles_are_url_safe(value in "\\PC{0,40}") {
            if handle(&value).is_none() {
                prop_assert!(value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
                prop_assert!((3..=30).contains(&value.len()));
            }
        }

        #[test]
        fn text_rule_never_panics_and_bounds_hold(value in "\\PC{0,80}", min in 0usize..10, extra in 0usize..50) {
            let max = min + extra;
            let n = value.trim().chars().count();
            prop_assert_eq!(text(&value, min, max).is_none(), n >= min && n <= max && !(n == 0 && min > 0));
        }
    }
}
