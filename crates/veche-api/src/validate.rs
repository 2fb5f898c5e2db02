//! Input rules both sides apply: the app checks before sending (instant feedback), the server
//! checks again (the only check that counts) and answers 422 with the same messages.

use std::collections::BTreeMap;

use crate::Locale;
use crate::auth::{
    ChangeEmailRequest, ChangePasswordRequest, LoginRequest, RegisterRequest, ResetPasswordRequest,
    SignInSettingsChange,
};

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
    /// An uploaded file starts like a picture but is not a whole one.
    PictureBroken,
    /// A picture wider or taller than `max` pixels.
    PictureTooLarge {
        max: usize,
    },
    /// A name with control, direction-changing or invisible characters.
    NameCharacters,
    /// A name that looks like a staff member's or a community role's.
    NameImitates,
    /// The current password, asked again before a change, does not match.
    WrongPassword,
    /// Not an https address (http only for this machine).
    UrlFormat,
    /// An identity provider's issuer that does not answer OpenID Connect discovery.
    ProviderUnreachable,
    /// Password sign-in switched off without a provider to sign in with.
    ProviderNeeded,
    /// Password sign-in switched off by someone who has never signed in through the provider:
    /// they would lock themselves out.
    WouldLockOut,
    /// The account has no password (it signs in through an identity provider) and the sign-in
    /// is not recent enough to confirm with: sign in again.
    SignInAgain,
    /// Not a colour written `#rrggbb`.
    ColorFormat,
    /// White text on the colour would contrast less than WCAG AA's 4.5:1; `tenths` is the
    /// ratio it has, times ten (rounded down).
    ContrastTooLow {
        tenths: u32,
    },
    /// Not an IANA time zone name the server knows.
    TimeZoneUnknown,
    /// Not a date written `YYYY-MM-DD`, or a day that does not exist.
    DateFormat,
    /// An entry of the domain list that is not a domain like `example.com`.
    DomainFormat,
    /// The address's domain is not one of those allowed to join.
    DomainNotAllowed,
    /// Joining through an invitation needs the address it was sent to.
    InvitationAddress,
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
            (Issue::PictureBroken, Locale::En) => "This file is damaged or not a whole picture. Try another one.".into(),
            (Issue::PictureBroken, Locale::Ru) => "Файл повреждён или это не целая картинка. Попробуйте другой.".into(),
            (Issue::PictureTooLarge { max }, Locale::En) => {
                format!("The picture is too large: at most {max} pixels wide and {max} high.")
            }
            (Issue::PictureTooLarge { max }, Locale::Ru) => {
                format!("Картинка слишком большая: не больше {max} пикселей в ширину и {max} в высоту.")
            }
            (Issue::NameCharacters, Locale::En) => {
                "Use letters, digits, spaces and punctuation: no control, direction or invisible characters.".into()
            }
            (Issue::NameCharacters, Locale::Ru) => {
                "Используйте буквы, цифры, пробелы и знаки препинания: без управляющих, невидимых и меняющих направление текста символов.".into()
            }
            (Issue::NameImitates, Locale::En) => {
                "This name looks like a staff member's or a community role's. Please choose another.".into()
            }
            (Issue::NameImitates, Locale::Ru) => {
                "Это имя похоже на имя сотрудника или название роли в сообществе. Выберите другое.".into()
            }
            (Issue::Invalid, Locale::En) => "This value is not valid.".into(),
            (Issue::Invalid, Locale::Ru) => "Недопустимое значение.".into(),
            (issue, locale) => issue.account_message(locale),
        }
    }

    /// The messages of the account, sign-in and community-settings rules. The embedded survey
    /// frame meets none of them: built without the feature `account-messages`, it carries only
    /// a general line for them, which keeps its module small.
    #[cfg(feature = "account-messages")]
    fn account_message(self, locale: Locale) -> String {
        match (self, locale) {
            (Issue::WrongPassword, Locale::En) => "This is not your current password.".into(),
            (Issue::WrongPassword, Locale::Ru) => "Это не ваш текущий пароль.".into(),
            (Issue::UrlFormat, Locale::En) => "Enter an address that starts with https://.".into(),
            (Issue::UrlFormat, Locale::Ru) => "Введите адрес, который начинается с https://.".into(),
            (Issue::ProviderUnreachable, Locale::En) => {
                "No OpenID Connect provider answered at this address. Check the issuer URL.".into()
            }
            (Issue::ProviderUnreachable, Locale::Ru) => {
                "По этому адресу не отвечает провайдер OpenID Connect. Проверьте адрес издателя (issuer).".into()
            }
            (Issue::ProviderNeeded, Locale::En) => {
                "Set up an identity provider first: without passwords nobody could sign in.".into()
            }
            (Issue::ProviderNeeded, Locale::Ru) => {
                "Сначала настройте провайдера входа: без паролей никто не сможет войти.".into()
            }
            (Issue::WouldLockOut, Locale::En) => {
                "Sign in through the provider once yourself before you switch passwords off, so you are not locked out.".into()
            }
            (Issue::WouldLockOut, Locale::Ru) => {
                "Прежде чем отключать пароли, войдите через провайдера хотя бы раз сами, чтобы не потерять доступ.".into()
            }
            (Issue::SignInAgain, Locale::En) => {
                "Your account has no password: sign in again with your organisation's account, then confirm within 10 minutes.".into()
            }
            (Issue::SignInAgain, Locale::Ru) => {
                "У вашей учётной записи нет пароля: войдите заново через учётную запись организации и подтвердите в течение 10 минут.".into()
            }
            (Issue::ColorFormat, Locale::En) => "Enter a colour as # and six hex digits, like #0a5c8a.".into(),
            (Issue::ColorFormat, Locale::Ru) => "Введите цвет как # и шесть шестнадцатеричных цифр, например #0a5c8a.".into(),
            (Issue::ContrastTooLow { tenths }, Locale::En) => format!(
                "White text on this colour is hard to read: contrast {}.{}:1, at least 4.5:1 is needed. Choose a darker colour.",
                tenths / 10,
                tenths % 10
            ),
            (Issue::ContrastTooLow { tenths }, Locale::Ru) => format!(
                "Белый текст на этом цвете плохо читается: контраст {},{}:1, а нужно не меньше 4,5:1. Выберите цвет темнее.",
                tenths / 10,
                tenths % 10
            ),
            (Issue::TimeZoneUnknown, Locale::En) => "Enter a time zone name like Europe/Moscow or UTC.".into(),
            (Issue::TimeZoneUnknown, Locale::Ru) => "Введите название часового пояса, например Europe/Moscow или UTC.".into(),
            (Issue::DateFormat, Locale::En) => "Enter a real date like 2024-05-31.".into(),
            (Issue::DateFormat, Locale::Ru) => "Введите существующую дату, например 2024-05-31.".into(),
            (Issue::DomainFormat, Locale::En) => "Enter domains like example.com, one per line.".into(),
            (Issue::DomainFormat, Locale::Ru) => "Введите домены вида example.com, по одному в строке.".into(),
            (Issue::DomainNotAllowed, Locale::En) => {
                "Only addresses of the community's listed domains can join. Use your work address.".into()
            }
            (Issue::DomainNotAllowed, Locale::Ru) => {
                "Вступить можно только с адресом на доменах, которые указало сообщество. Используйте рабочий адрес.".into()
            }
            (Issue::InvitationAddress, Locale::En) => "Use the address the invitation was sent to.".into(),
            (Issue::InvitationAddress, Locale::Ru) => "Укажите адрес, на который пришло приглашение.".into(),
            (_, Locale::En) => "This value is not valid.".into(),
            (_, Locale::Ru) => "Недопустимое значение.".into(),
        }
    }

    #[cfg(not(feature = "account-messages"))]
    fn account_message(self, locale: Locale) -> String {
        Issue::Invalid.message(locale)
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

/// Characters no name may hold: control characters (NUL, bell, line breaks), the ones that
/// change the direction of text (a right-to-left override shows `"\u{202e}anelE"` as "Elena"),
/// and invisible ones (zero-width spaces, fillers that look like nothing).
fn forbidden_in_name(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
                | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
                | '\u{2800}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E000}'..='\u{F8FF}' | '\u{E0000}'..='\u{E007F}'
        )
}

/// A name of a member, group, space or survey: `min..=max` characters, none of them control,
/// direction or invisible ones; joiners (U+200C, U+200D, which some scripts and emoji need) count
/// for nothing, so a name of them alone is empty. The server also normalises names (NFC) and
/// refuses look-alikes of staff and roles (`names`, feature `unicode-rules`).
pub fn name(value: &str, min: usize, max: usize) -> Option<Issue> {
    if value.chars().any(forbidden_in_name) {
        return Some(Issue::NameCharacters);
    }
    let visible: String = value.chars().filter(|c| !matches!(c, '\u{200C}' | '\u{200D}')).collect();
    text(&visible, min, max)
}

/// Normalising names and telling look-alikes apart, with Unicode's tables (server side).
#[cfg(feature = "unicode-rules")]
pub mod names {
    use unicode_normalization::UnicodeNormalization;

    /// Community roles and staff words a member's name may not be, in both languages.
    pub const ROLE_NAMES: [&str; 24] = [
        "staff",
        "moderator",
        "admin",
        "administrator",
        "president",
        "mentor",
        "partner",
        "hero",
        "catalyst",
        "scout",
        "supporter",
        "community manager",
        "команда",
        "модератор",
        "админ",
        "администратор",
        "президент",
        "наставник",
        "партнёр",
        "герой",
        "катализатор",
        "скаут",
        "сторонник",
        "комьюнити-менеджер",
    ];

    /// Words that make any name look official ("Moderator Oleg").
    const STAFF_WORDS: [&str; 8] =
        ["staff", "moderator", "admin", "administrator", "команда", "модератор", "админ", "администратор"];

    /// NFC, trimmed, every run of white space one space.
    pub fn normalize(value: &str) -> String {
        value.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// What a name looks like, whatever letters it is written in: Unicode's confusable skeleton
    /// (UTS #39), taken of the name as written (a capital I looks like an l, which lower case
    /// would hide) and of its lower case (so "ELENA" meets "Elena", "Модератор" "модератор").
    pub fn looks(value: &str) -> [String; 2] {
        let skeleton = |text: &str| -> String { unicode_security::confusable_detection::skeleton(text).collect() };
        let value = normalize(value);
        [skeleton(&skeleton(&value).to_lowercase()), skeleton(&value.to_lowercase())]
    }

    fn alike(one: &[String; 2], other: &[String; 2]) -> bool {
        one.iter().any(|look| other.contains(look))
    }

    /// Whether `name` looks like one of `protected` (staff members' names) or like a role.
    pub fn imitates<'a>(name: &str, protected: impl IntoIterator<Item = &'a str>) -> bool {
        let seen = looks(name);
        let words: Vec<[String; 2]> =
            name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(looks).collect();
        ROLE_NAMES.iter().any(|role| alike(&looks(role), &seen))
            || STAFF_WORDS.iter().any(|word| words.iter().any(|w| alike(&looks(word), w)))
            || protected.into_iter().any(|other| alike(&looks(other), &seen))
    }
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
    errors.check("display_name", name(&request.display_name, 2, DISPLAY_NAME_MAX));
    errors.check("email", email(&request.email));
    errors.check("password", password(&request.password));
    if !request.accept_charter {
        errors.add("accept_charter", Issue::MustAccept);
    }
    errors
}

/// Longest password a sign-in accepts (the contract's `maxLength`; older accounts may have
/// passwords longer than today's [`PASSWORD_MAX`]).
pub const LOGIN_PASSWORD_MAX: usize = 1024;

pub fn login(request: &LoginRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("login", text(&request.login, 1, 254));
    if request.password.is_empty() {
        errors.add("password", Issue::Required);
    } else if request.password.chars().count() > LOGIN_PASSWORD_MAX {
        errors.add("password", Issue::TooLong { max: LOGIN_PASSWORD_MAX });
    }
    errors
}

/// The community's settings as staff send them (`PUT /community`). The time zone is checked by
/// the server, which has the zone database.
pub fn community_settings(settings: &crate::community::CommunitySettings) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("name", name(&settings.name, 2, COMMUNITY_NAME_MAX));
    errors.check("description", optional_text(&settings.description, COMMUNITY_DESCRIPTION_MAX));
    errors.check("founded_on", date(&settings.founded_on));
    errors.check("accent_color", settings.accent_color.as_deref().and_then(accent_color));
    if settings.time_zone.trim().is_empty() {
        errors.add("time_zone", Issue::Required);
    }
    if settings.allowed_email_domains.iter().any(|d| !is_domain(d)) {
        errors.add("allowed_email_domains", Issue::DomainFormat);
    } else if settings.join_policy == crate::community::JoinPolicy::Domains && settings.allowed_email_domains.is_empty()
    {
        errors.add("allowed_email_domains", Issue::Required);
    }
    if settings.join_policy == crate::community::JoinPolicy::Unknown {
        errors.add("join_policy", Issue::Invalid);
    }
    errors
}

pub const COMMUNITY_NAME_MAX: usize = 80;
pub const COMMUNITY_DESCRIPTION_MAX: usize = 500;

/// An accent colour: `#rrggbb` that white text can be read on (WCAG AA, 4.5:1).
pub fn accent_color(value: &str) -> Option<Issue> {
    use crate::community::{MIN_CONTRAST, ON_ACCENT, contrast_ratio, parse_hex_color};
    let Some(color) = parse_hex_color(value) else { return Some(Issue::ColorFormat) };
    let ratio = contrast_ratio(ON_ACCENT, color);
    if ratio < MIN_CONTRAST { Some(Issue::ContrastTooLow { tenths: (ratio * 10.0) as u32 }) } else { None }
}

/// `YYYY-MM-DD` of a day that exists (`surveys::is_day`), not before 1900.
pub fn date(value: &str) -> Option<Issue> {
    let value = value.trim();
    let plausible = crate::surveys::is_day(value) && value[..4].parse::<u32>().is_ok_and(|year| year >= 1900);
    if plausible { None } else { Some(Issue::DateFormat) }
}

/// A lower-case domain name like `example.com`: labels of letters, digits and `-`, at least two.
pub fn is_domain(value: &str) -> bool {
    let labels: Vec<&str> = value.split('.').collect();
    value.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// Whether `email`'s domain is one of `domains` (case folded).
pub fn email_domain_allowed(email: &str, domains: &[String]) -> bool {
    let domain = email.trim().rsplit_once('@').map(|(_, domain)| domain.to_ascii_lowercase()).unwrap_or_default();
    domains.contains(&domain)
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

/// An identity provider's issuer: an https URL, or http for a provider on this machine.
pub fn issuer_url(value: &str) -> Option<Issue> {
    let value = value.trim();
    if value.is_empty() {
        return Some(Issue::Required);
    }
    if value.chars().count() > 500 {
        return Some(Issue::TooLong { max: 500 });
    }
    let host_and_rest = if let Some(rest) = value.strip_prefix("https://") {
        rest
    } else if let Some(rest) = value.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = match host.rsplit_once(':') {
            Some((name, port)) if !host.ends_with(']') => {
                if port.chars().all(|c| c.is_ascii_digit()) {
                    name
                } else {
                    ""
                }
            }
            _ => host,
        };
        if !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
            return Some(Issue::UrlFormat);
        }
        rest
    } else {
        return Some(Issue::UrlFormat);
    };
    let host = host_and_rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) || value.contains(['?', '#']) {
        return Some(Issue::UrlFormat);
    }
    None
}

/// What can be checked of a change of the sign-in ways without the server: `has_secret` says
/// whether a client secret is saved already.
pub fn sign_in_settings(change: &SignInSettingsChange, has_secret: bool) -> FieldErrors {
    let mut errors = FieldErrors::new();
    match &change.provider {
        Some(provider) => {
            errors.check("provider.issuer", issuer_url(&provider.issuer));
            errors.check("provider.client_id", text(&provider.client_id, 1, 200));
            match provider.new_secret() {
                Some(secret) => errors.check("provider.client_secret", text(secret, 1, 500)),
                None if !has_secret => errors.add("provider.client_secret", Issue::Required),
                None => {}
            }
            errors.check("provider.label", provider.label().and_then(|label| text(label, 1, 60)));
        }
        None if !change.password => errors.add("password", Issue::ProviderNeeded),
        None => {}
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn community_settings_are_checked_field_by_field() {
        use crate::community::{CommunitySettings, Features, JoinPolicy};
        let good = CommunitySettings {
            name: "Sever".into(),
            description: String::new(),
            founded_on: "2024-02-29".into(),
            default_locale: Locale::Ru,
            time_zone: "Europe/Moscow".into(),
            accent_color: Some("#0a5c8a".into()),
            features: Features::all(),
            join_policy: JoinPolicy::Anyone,
            allowed_email_domains: vec![],
            email_confirmation_required: false,
        };
        assert!(community_settings(&good).is_empty());
        let bad = CommunitySettings {
            name: " ".into(),
            founded_on: "2023-02-29".into(),
            accent_color: Some("#ffff00".into()),
            join_policy: JoinPolicy::Domains,
            ..good.clone()
        };
        let errors = community_settings(&bad);
        assert_eq!(errors.get("name"), Some(Issue::Required));
        assert_eq!(errors.get("founded_on"), Some(Issue::DateFormat));
        assert_eq!(errors.get("accent_color"), Some(Issue::ContrastTooLow { tenths: 10 }));
        assert_eq!(errors.get("allowed_email_domains"), Some(Issue::Required));
        let listed = CommunitySettings { allowed_email_domains: vec!["Example.com".into()], ..bad };
        assert_eq!(community_settings(&listed).get("allowed_email_domains"), Some(Issue::DomainFormat));
        assert!(Issue::ContrastTooLow { tenths: 21 }.message(Locale::Ru).contains("2,1:1"));
        assert!(email_domain_allowed("Ann@Example.COM ", &["example.com".into()]));
        assert!(!email_domain_allowed("ann@evil-example.com", &["example.com".into()]));
        assert!(!email_domain_allowed("ann@example.com.evil.org", &["example.com".into()]));
    }

    #[test]
    fn names_refuse_control_direction_and_invisible_characters() {
        for bad in ["\u{202e}anelE", "An\u{0}na", "Bell\u{7}", "Two\nlines", "\u{200b}\u{200b}\u{200b}", "Ann\u{2066}a"]
        {
            assert_eq!(name(bad, 2, 60), Some(Issue::NameCharacters), "{bad:?}");
        }
        assert_eq!(name("\u{200d}\u{200c}", 2, 60), Some(Issue::Required), "joiners alone are nothing");
        for good in ["Anna Petrova", "Анна-Мария О'Нил", "محمد\u{200c}رضا", "Ли Вэй 👩\u{200d}💻"]
        {
            assert_eq!(name(good, 2, 60), None, "{good:?}");
        }
        assert!(Issue::NameCharacters.message(Locale::Ru).starts_with("Используйте"));
    }

    #[cfg(feature = "unicode-rules")]
    #[test]
    fn names_are_normalised_and_look_alikes_of_staff_and_roles_refused() {
        use super::names::{imitates, normalize};
        assert_eq!(normalize("  Elena \t Sokolova "), "Elena Sokolova");
        assert_eq!(normalize("Zoe\u{0301}"), "Zo\u{e9}", "NFC");
        let staff = ["Elena Sokolova", "Oleg Smirnov"];
        for impostor in
            ["Elena Sokolova", "elena sokolova", "Elеna Sokolova", "ΕIena Sokolova", "Oleg  Smirnov", "0leg Smirnov"]
        {
            assert!(imitates(&normalize(impostor), staff), "{impostor:?}");
        }
        for role in ["Moderator", "MODERATOR", "Модератор", "Staff", "President", "Moderator Oleg", "Админ Петя"]
        {
            assert!(imitates(role, staff), "{role:?}");
        }
        for fine in ["Elena Sokolova-Petrova", "Olga Novikova", "Modest Mouse", "Anna"] {
            assert!(!imitates(fine, staff), "{fine:?}");
        }
    }

    fn valid_registration() -> RegisterRequest {
        RegisterRequest {
            handle: "anna".into(),
            display_name: "Anna Petrova".into(),
            email: "anna@example.com".into(),
            password: "correct horse".into(),
            locale: None,
            accept_charter: true,
            invitation: None,
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
            invitation: None,
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

    #[test]
    fn issuers_are_https_or_this_machine() {
        for good in [
            "https://login.example.com/realms/staff",
            "https://login.example.com",
            "http://127.0.0.1:18101",
            "http://localhost/oidc",
            "http://[::1]:9000",
        ] {
            assert_eq!(issuer_url(good), None, "{good}");
        }
        assert_eq!(issuer_url(" "), Some(Issue::Required));
        for bad in [
            "http://login.example.com",
            "http://127.0.0.1.evil.example",
            "login.example.com",
            "https://",
            "https://login.example.com/?x=1",
            "https://login example.com",
            "ftp://127.0.0.1",
        ] {
            assert_eq!(issuer_url(bad), Some(Issue::UrlFormat), "{bad}");
        }
    }

    #[test]
    fn sign_in_settings_need_a_provider_without_passwords_and_a_secret_once() {
        use crate::auth::ProviderSettingsChange;
        let provider = ProviderSettingsChange {
            issuer: "https://login.example.com".into(),
            client_id: "veche".into(),
            client_secret: None,
            label: Some("  ".into()),
            trust_email: false,
        };
        let change = |password, provider: Option<ProviderSettingsChange>| SignInSettingsChange { password, provider };
        assert_eq!(sign_in_settings(&change(false, None), true).get("password"), Some(Issue::ProviderNeeded));
        assert!(sign_in_settings(&change(true, None), false).is_empty());
        let missing = sign_in_settings(&change(false, Some(provider.clone())), false);
        assert_eq!(missing.get("provider.client_secret"), Some(Issue::Required));
        assert!(sign_in_settings(&change(false, Some(provider.clone())), true).is_empty());
        let long_label = ProviderSettingsChange { label: Some("x".repeat(61)), ..provider };
        assert_eq!(
            sign_in_settings(&change(true, Some(long_label)), true).get("provider.label"),
            Some(Issue::TooLong { max: 60 })
        );
    }
}
