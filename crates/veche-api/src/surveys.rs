//! The NPS survey: its configuration (staff), the public definition the embed reads, answers and
//! their follow-ups, results — and the Net Promoter Score arithmetic both sides must agree on.

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldErrors, Issue};

crate::open_enum! {
    /// Customers about the company (NPS) or employees about it as a place to work (eNPS).
    pub enum SurveyKind {
        Nps = "nps",
        Enps = "enps",
    }
}

crate::open_enum! {
    /// The three groups of the 0–10 scale.
    pub enum Category {
        /// 0–6.
        Detractor = "detractor",
        /// 7–8.
        Passive = "passive",
        /// 9–10.
        Promoter = "promoter",
    }
}

/// Highest score on the scale (the lowest is 0).
pub const SCORE_MAX: u8 = 10;

impl Category {
    /// The group of a score; `None` outside 0–10.
    pub fn of(score: u8) -> Option<Category> {
        match score {
            0..=6 => Some(Category::Detractor),
            7..=8 => Some(Category::Passive),
            9..=10 => Some(Category::Promoter),
            _ => None,
        }
    }
}

/// How many answers fell into each group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
}

impl Tally {
    /// Counts a list of scores (scores outside 0–10 are ignored).
    pub fn of_scores(scores: impl IntoIterator<Item = u8>) -> Tally {
        let mut tally = Tally::default();
        for score in scores {
            tally.add(score);
        }
        tally
    }

    pub fn add(&mut self, score: u8) {
        match Category::of(score) {
            Some(Category::Promoter) => self.promoters += 1,
            Some(Category::Passive) => self.passives += 1,
            Some(Category::Detractor) => self.detractors += 1,
            _ => {}
        }
    }

    pub fn total(&self) -> u64 {
        self.promoters + self.passives + self.detractors
    }

    /// NPS = % promoters − % detractors, −100…+100, unrounded; `None` without answers.
    pub fn nps(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| 100.0 * (self.promoters as f64 - self.detractors as f64) / n as f64)
    }

    /// The score as shown: rounded to a whole number, half away from zero.
    pub fn nps_rounded(&self) -> Option<i32> {
        self.nps().map(|score| score.round() as i32)
    }

    /// Half-width of the 95 % confidence interval of the NPS, in points. Each answer is +1
    /// (promoter), 0 or −1 (detractor); NPS is 100 × their mean, so its standard error is
    /// 100 × √(variance / n) with variance = p + d − (p − d)². `None` below two answers.
    pub fn margin_of_error(&self) -> Option<f64> {
        let n = self.total();
        if n < 2 {
            return None;
        }
        let p = self.promoters as f64 / n as f64;
        let d = self.detractors as f64 / n as f64;
        let variance = p + d - (p - d) * (p - d);
        Some(1.96 * 100.0 * (variance / n as f64).sqrt())
    }

    /// Shares of each group in whole percent, in the order promoters, passives, detractors.
    pub fn percentages(&self) -> [f64; 3] {
        let n = self.total().max(1) as f64;
        [self.promoters, self.passives, self.detractors].map(|count| 100.0 * count as f64 / n)
    }
}

/// Texts of a survey in one language. An empty text means the widget's default wording.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyTexts {
    /// The main question; empty: "How likely are you to recommend <company> …".
    #[serde(default)]
    pub question: String,
    /// Follow-up asked after a score of 0–6.
    #[serde(default)]
    pub detractor: String,
    /// Follow-up after 7–8.
    #[serde(default)]
    pub passive: String,
    /// Follow-up after 9–10.
    #[serde(default)]
    pub promoter: String,
}

/// When and to whom the embed shows the survey. The loader applies these before it loads
/// anything but itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttle {
    /// Days after an answer before the same visitor is asked again.
    pub days_after_answer: u32,
    /// Days after a dismissal before the same visitor is asked again.
    pub days_after_dismiss: u32,
    /// Share of visitors asked at all, 0–100.
    pub sample_percent: u8,
    /// Not before the visitor's Nth visit (1: on the first).
    pub min_visits: u32,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle { days_after_answer: 90, days_after_dismiss: 30, sample_percent: 100, min_visits: 1 }
    }
}

/// A survey as staff create and edit it (`POST /surveys`, `PUT /surveys/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyInput {
    /// Internal name in the staff list ("Website NPS").
    pub name: String,
    /// Free text: SurveyKind on the wire.
    pub kind: String,
    /// The company named in the question.
    pub company: String,
    #[serde(default)]
    pub texts_en: SurveyTexts,
    #[serde(default)]
    pub texts_ru: SurveyTexts,
    /// Origins (`https://shop.example.com`) whose pages may embed the survey.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    #[serde(default)]
    pub throttle: Throttle,
    /// Also asked of signed-in members inside the community (a banner).
    #[serde(default)]
    pub in_app: bool,
    /// First and last day answers are taken (`YYYY-MM-DD`, inclusive); absent: no limit.
    #[serde(default)]
    pub starts_on: Option<String>,
    #[serde(default)]
    pub ends_on: Option<String>,
    /// Off: the survey takes no answers and the embed shows nothing.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A survey with its server-side facts (`GET /surveys/{id}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: String,
    #[serde(flatten)]
    pub input: SurveyInput,
    pub created_at: String,
    pub response_count: u64,
    /// Current NPS over all answers, rounded; absent without answers.
    #[serde(default)]
    pub nps: Option<i32>,
}

/// What the embed and the in-app banner need, with no staff-only fields (`GET /surveys/{id}/public`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSurvey {
    pub id: String,
    /// SurveyKind on the wire.
    pub kind: String,
    pub company: String,
    pub texts_en: SurveyTexts,
    pub texts_ru: SurveyTexts,
    pub throttle: Throttle,
    /// Active and within its dates today.
    pub open: bool,
}

/// An answer (`POST /surveys/{id}/responses`). The client makes the id, so a follow-up can be
/// queued before the answer reaches the server and a retry is recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseInput {
    /// A UUID the client generated.
    pub id: String,
    pub score: u8,
    /// `en` or `ru`: the language the visitor saw.
    #[serde(default)]
    pub locale: Option<String>,
    /// The company's id or e-mail for the visitor (`data-respondent`).
    #[serde(default)]
    pub respondent: Option<String>,
    /// The company's segment label for the visitor (`data-segment`), e.g. "trial".
    #[serde(default)]
    pub segment: Option<String>,
    /// Origin of the page the survey was shown on; absent inside the community.
    #[serde(default)]
    pub source: Option<String>,
}

/// The follow-up to an answer (`POST /surveys/{id}/responses/{response_id}/follow-up`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpInput {
    #[serde(default)]
    pub comment: String,
    /// A detractor agrees to be contacted.
    #[serde(default)]
    pub contact_ok: bool,
    /// Where to contact them (required when `contact_ok` and no respondent is known).
    #[serde(default)]
    pub contact_email: Option<String>,
}

/// The server's record of an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub id: String,
    pub score: u8,
    /// Category on the wire.
    pub category: String,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub contact_ok: bool,
    #[serde(default)]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub respondent: Option<String>,
    #[serde(default)]
    pub segment: Option<String>,
    /// The host origin, or "community" for the in-app banner.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    pub created_at: String,
}

/// One bar of the trend: the answers of a week or a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// First day of the week (Monday) or month, `YYYY-MM-DD`.
    pub period_start: String,
    pub tally: Tally,
    #[serde(default)]
    pub nps: Option<f64>,
}

/// `GET /surveys/{id}/results`: everything the dashboard draws, for the chosen filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub tally: Tally,
    /// Unrounded; absent without answers.
    #[serde(default)]
    pub nps: Option<f64>,
    #[serde(default)]
    pub margin_of_error: Option<f64>,
    /// Answers per score, index 0 = score 0 … index 10 = score 10.
    pub distribution: Vec<u64>,
    /// "week" or "month".
    pub bucket: String,
    pub trend: Vec<TrendPoint>,
    /// Every source seen in the period (origins, "community"), for the filter.
    pub sources: Vec<String>,
    /// Every segment seen in the period, for the filter.
    pub segments: Vec<String>,
}

pub const NAME_MAX: usize = 100;
pub const COMPANY_MAX: usize = 100;
pub const TEXT_MAX: usize = 300;
pub const COMMENT_MAX: usize = 5_000;
pub const LABEL_MAX: usize = 200;

/// An origin a survey may be embedded on: scheme, host and optional port, nothing more.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
}

/// A real calendar day written `YYYY-MM-DD` (no 31 April, 29 February only in leap years).
pub fn is_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !(text.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && text.chars().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    {
        return false;
    }
    let year: u32 = text[..4].parse().unwrap_or(0);
    let month: u8 = text[5..7].parse().unwrap_or(0);
    let day: u8 = text[8..10].parse().unwrap_or(0);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days_in_month).contains(&day)
}

/// Checks a survey before it is sent or stored.
pub fn check_survey(input: &SurveyInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("name", validate::name(&input.name, 2, NAME_MAX));
    if SurveyKind::parse_known(&input.kind).is_none() {
        errors.add("kind", Issue::Invalid);
    }
    errors.check("company", validate::text(&input.company, 1, COMPANY_MAX));
    for (prefix, texts) in [("texts_en", &input.texts_en), ("texts_ru", &input.texts_ru)] {
        for (field, text) in [
            ("question", &texts.question),
            ("detractor", &texts.detractor),
            ("passive", &texts.passive),
            ("promoter", &texts.promoter),
        ] {
            errors.check(&format!("{prefix}.{field}"), validate::optional_text(text, TEXT_MAX));
        }
    }
    if input.allowed_origins.len() > 20 || input.allowed_origins.iter().any(|origin| !is_origin(origin)) {
        errors.add("allowed_origins", Issue::Invalid);
    }
    let throttle = &input.throttle;
    if throttle.days_after_answer > 730 {
        errors.add("throttle.days_after_answer", Issue::OutOfRange { min: 0, max: 730 });
    }
    if throttle.days_after_dismiss > 730 {
        errors.add("throttle.days_after_dismiss", Issue::OutOfRange { min: 0, max: 730 });
    }
    if throttle.sample_percent > 100 {
        errors.add("throttle.sample_percent", Issue::OutOfRange { min: 0, max: 100 });
    }
    if !(1..=100).contains(&throttle.min_visits) {
        errors.add("throttle.min_visits", Issue::OutOfRange { min: 1, max: 100 });
    }
    for (field, day) in [("starts_on", &input.starts_on), ("ends_on", &input.ends_on)] {
        if day.as_deref().is_some_and(|day| !is_day(day)) {
            errors.add(field, Issue::Invalid);
        }
    }
    if let (Some(start), Some(end)) = (&input.starts_on, &input.ends_on)
        && is_day(start)
        && is_day(end)
        && end < start
    {
        errors.add("ends_on", Issue::Invalid);
    }
    errors
}

/// Checks an answer.
pub fn check_response(input: &ResponseInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let id = &input.id;
    if id.len() < 8 || id.len() > 64 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        errors.add("id", Issue::Invalid);
    }
    if input.score > SCORE_MAX {
        errors.add("score", Issue::OutOfRange { min: 0, max: i64::from(SCORE_MAX) });
    }
    for (field, value) in [("respondent", &input.respondent), ("segment", &input.segment)] {
        if let Some(value) = value {
            errors.check(field, validate::optional_text(value, LABEL_MAX));
        }
    }
    if input.source.as_deref().is_some_and(|source| !is_origin(source)) {
        errors.add("source", Issue::Invalid);
    }
    if input.locale.as_deref().is_some_and(|locale| !crate::Locale::ALL.iter().any(|known| known.tag() == locale)) {
        errors.add("locale", Issue::Invalid);
    }
    errors
}

/// Checks a follow-up.
pub fn check_follow_up(input: &FollowUpInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("comment", validate::optional_text(&input.comment, COMMENT_MAX));
    if let Some(email) = input.contact_email.as_deref().filter(|email| !email.trim().is_empty()) {
        errors.check("contact_email", validate::email(email));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(promoters: u64, passives: u64, detractors: u64) -> Tally {
        Tally { promoters, passives, detractors }
    }

    #[test]
    fn categories_split_at_six_seven_and_eight_nine() {
        assert_eq!(Category::of(0), Some(Category::Detractor));
        assert_eq!(Category::of(6), Some(Category::Detractor));
        assert_eq!(Category::of(7), Some(Category::Passive));
        assert_eq!(Category::of(8), Some(Category::Passive));
        assert_eq!(Category::of(9), Some(Category::Promoter));
        assert_eq!(Category::of(10), Some(Category::Promoter));
        assert_eq!(Category::of(11), None);
    }

    #[test]
    fn nps_matches_hand_worked_examples() {
        // 50 promoters, 30 passives, 20 detractors: 50 % − 20 % = 30.
        assert_eq!(tally(50, 30, 20).nps_rounded(), Some(30));
        assert_eq!(tally(0, 0, 10).nps_rounded(), Some(-100));
        assert_eq!(tally(10, 0, 0).nps_rounded(), Some(100));
        assert_eq!(tally(0, 7, 0).nps_rounded(), Some(0));
        // 2 promoters, 1 passive, 0 detractors: 66.67 → 67.
        assert_eq!(tally(2, 1, 0).nps_rounded(), Some(67));
        // 1 of 3 detractors: −33.3 → −33.
        assert_eq!(tally(0, 2, 1).nps_rounded(), Some(-33));
        assert_eq!(Tally::default().nps(), None);
        let scores = [10, 9, 8, 7, 6, 0, 10, 9, 3, 5];
        let counted = Tally::of_scores(scores);
        assert_eq!(counted, tally(4, 2, 4));
        assert_eq!(counted.nps_rounded(), Some(0));
    }

    #[test]
    fn margin_of_error_follows_the_trinomial_variance() {
        // p = .5, d = .2: variance = .7 − .09 = .61; n = 100: 1.96 × 100 × √.0061 ≈ 15.31.
        let margin = tally(50, 30, 20).margin_of_error().unwrap();
        assert!((margin - 15.308).abs() < 0.01, "{margin}");
        // Everyone a promoter: no spread, no margin.
        assert_eq!(tally(40, 0, 0).margin_of_error(), Some(0.0));
        // Four times the answers halve it.
        let bigger = tally(200, 120, 80).margin_of_error().unwrap();
        assert!((bigger * 2.0 - margin).abs() < 0.01);
        assert_eq!(tally(1, 0, 0).margin_of_error(), None);
    }

    #[test]
    fn percentages_add_up() {
        let [p, pa, d] = tally(50, 30, 20).percentages();
        assert_eq!((p, pa, d), (50.0, 30.0, 20.0));
        assert_eq!(Tally::default().percentages(), [0.0, 0.0, 0.0]);
    }

    fn survey() -> SurveyInput {
        SurveyInput {
            name: "Website NPS".into(),
            kind: "nps".into(),
            company: "Acme".into(),
            texts_en: SurveyTexts::default(),
            texts_ru: SurveyTexts::default(),
            allowed_origins: vec!["https://shop.example.com".into(), "http://127.0.0.1:8081".into()],
            throttle: Throttle::default(),
            in_app: false,
            starts_on: Some("2026-01-01".into()),
            ends_on: None,
            active: true,
        }
    }

    #[test]
    fn a_survey_is_checked_field_by_field() {
        assert!(check_survey(&survey()).is_empty());
        let mut bad = survey();
        bad.kind = "csat".into();
        bad.allowed_origins = vec!["https://shop.example.com/path".into()];
        bad.throttle.sample_percent = 101;
        bad.throttle.min_visits = 0;
        bad.ends_on = Some("2025-12-31".into());
        bad.texts_ru.detractor = "я".repeat(TEXT_MAX + 1);
        let errors = check_survey(&bad);
        for field in [
            "kind",
            "allowed_origins",
            "throttle.sample_percent",
            "throttle.min_visits",
            "ends_on",
            "texts_ru.detractor",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn days_must_exist() {
        assert!(is_day("2024-02-29"));
        assert!(!is_day("2026-02-29"));
        assert!(!is_day("2026-04-31"));
        assert!(!is_day("2026-13-01"));
        assert!(!is_day("2026-1-015"));
    }

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert!(is_origin("https://example.com"));
        assert!(is_origin("http://127.0.0.1:8081"));
        assert!(!is_origin("https://example.com/"));
        assert!(!is_origin("example.com"));
        assert!(!is_origin("https://exa mple.com"));
        assert!(!is_origin("https://example.com:"));
        assert!(!is_origin("javascript:alert(1)"));
    }

    #[test]
    fn answers_and_follow_ups_are_checked() {
        let mut answer = ResponseInput {
            id: "0b4c6a3e-1f2d-4c5b-9a8e-7d6c5b4a3f21".into(),
            score: 10,
            locale: Some("en".into()),
            respondent: None,
            segment: None,
            source: Some("https://shop.example.com".into()),
        };
        assert!(check_response(&answer).is_empty());
        answer.locale = Some("de".into());
        assert!(check_response(&answer).get("locale").is_some());
        answer.locale = Some("ru".into());
        answer.id = " 0b4c6a3e-1f2d".into();
        assert!(check_response(&answer).get("id").is_some());
        answer.score = 11;
        answer.id = "x".into();
        let errors = check_response(&answer);
        assert!(errors.get("score").is_some() && errors.get("id").is_some());
        let follow_up = FollowUpInput { comment: "ok".into(), contact_ok: true, contact_email: Some("nope".into()) };
        assert!(check_follow_up(&follow_up).get("contact_email").is_some());
    }
}
