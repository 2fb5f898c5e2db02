//! Demo surveys: a website NPS survey with a few hundred answers from two sites and three
//! customer segments, an NPS survey members are asked in the community (the in-app banner), and
//! an employee eNPS survey embedded on the intranet, all over the last six months with a score that
//! improves over time, and comments in English and Russian for each category.

use chrono::{Duration, Utc};
use veche_api::surveys::{Category, SurveyInput, SurveyTexts, Throttle};

use crate::clock;
use crate::db::Db;
use crate::db::surveys::SeededAnswer;

/// The demo's company: the one the community is about.
const COMPANY: &str = "Sever Software";
/// Where the demo company embeds its employee survey.
const INTRANET: &str = "https://intranet.sever-software.example";
/// Days back the answers start.
const HISTORY_DAYS: i64 = 182;

/// A small deterministic generator: the same demo every time, no dependency.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn uuid(&mut self) -> String {
        let bits = (u128::from(self.next()) << 96)
            | (u128::from(self.next()) << 64)
            | (u128::from(self.next()) << 32)
            | u128::from(self.next());
        let hex = format!("{bits:032x}");
        format!("{}-{}-4{}-a{}-{}", &hex[..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
    }
}

/// Comments per category, (English, Russian).
struct Comments {
    detractor: &'static [(&'static str, &'static str)],
    passive: &'static [(&'static str, &'static str)],
    promoter: &'static [(&'static str, &'static str)],
}

const CUSTOMER_COMMENTS: Comments = Comments {
    detractor: &[
        ("Support took three days to answer a critical ticket.", "Поддержка три дня отвечала на критичную заявку."),
        ("The last update broke our Excel exports.", "Последнее обновление сломало выгрузку в Excel."),
        (
            "Licensing is confusing and too expensive for a small team.",
            "Лицензии запутанные и слишком дорогие для маленькой команды.",
        ),
        ("Reports are slow when the period is longer than a quarter.", "Отчёты тормозят, если период больше квартала."),
        ("The mobile app logs me out every day.", "Мобильное приложение каждый день выкидывает из аккаунта."),
    ],
    passive: &[
        ("Does the job, but the interface feels dated.", "Работает, но интерфейс устарел."),
        ("Good product; documentation could be better.", "Хороший продукт, документацию стоит улучшить."),
        ("Fine for us, though the API lacks webhooks.", "Нас устраивает, но в API не хватает вебхуков."),
        ("Onboarding took longer than promised.", "Внедрение заняло больше времени, чем обещали."),
    ],
    promoter: &[
        ("The community answers faster than any support desk.", "Сообщество отвечает быстрее любой поддержки."),
        ("Dark mode and the new dashboards are great!", "Тёмная тема и новые дашборды — отлично!"),
        ("Reliable, fast, and the team listens to ideas.", "Надёжно, быстро, и команда прислушивается к идеям."),
        ("We rolled it out to 40 stores without a hitch.", "Внедрили в 40 магазинах без единой проблемы."),
        ("Best regional meetups in the industry.", "Лучшие региональные встречи в отрасли."),
    ],
};

const EMPLOYEE_COMMENTS: Comments = Comments {
    detractor: &[
        ("Too many meetings, too little time to build.", "Слишком много совещаний и мало времени на работу."),
        ("Salaries lag behind the market.", "Зарплаты отстают от рынка."),
        ("Priorities change every week.", "Приоритеты меняются каждую неделю."),
    ],
    passive: &[
        ("Nice colleagues; career paths are unclear.", "Приятные коллеги, но непонятен карьерный рост."),
        ("The new office is good, the commute is not.", "Новый офис хороший, но добираться долго."),
        (
            "Interesting work, but the release crunch is tiring.",
            "Интересная работа, но авралы перед релизами утомляют.",
        ),
    ],
    promoter: &[
        ("I learn something new every week.", "Каждую неделю узнаю что-то новое."),
        ("Great team and honest leadership.", "Отличная команда и честное руководство."),
        ("Flexible hours and remote days really help.", "Гибкий график и удалёнка очень помогают."),
    ],
};

/// How a demo survey's answers look.
struct Population {
    count: usize,
    /// Chance of a promoter and of a detractor (in %) at the start and at the end of the period.
    promoters: (u64, u64),
    detractors: (u64, u64),
    sources: &'static [&'static str],
    segments: &'static [&'static str],
    /// Share of answers in Russian (%).
    russian: u64,
    comments: &'static Comments,
}

fn answers(dice: &mut Dice, population: &Population) -> Vec<SeededAnswer> {
    let now = Utc::now();
    let mut answers: Vec<SeededAnswer> = (0..population.count)
        .map(|_| {
            let seconds_ago = dice.below((HISTORY_DAYS * 24 * 3600) as u64) as i64 + 60;
            let progress = 100 - seconds_ago * 100 / (HISTORY_DAYS * 24 * 3600);
            let share = |(start, end): (u64, u64)| (start as i64 + (end as i64 - start as i64) * progress / 100) as u64;
            let roll = dice.below(100);
            let score = if roll < share(population.promoters) {
                9 + dice.below(2) as u8
            } else if roll < share(population.promoters) + share(population.detractors) {
                *dice.pick(&[0, 2, 3, 4, 5, 5, 6, 6, 6])
            } else {
                7 + dice.below(2) as u8
            };
            let russian = dice.below(100) < population.russian;
            let comments = match Category::of(score) {
                Some(Category::Promoter) => population.comments.promoter,
                Some(Category::Passive) => population.comments.passive,
                _ => population.comments.detractor,
            };
            let comment = (dice.below(100) < 40).then(|| {
                let (english, russian_text) = dice.pick(comments);
                (if russian { *russian_text } else { *english }).to_owned()
            });
            let wants_contact = score <= 6 && comment.is_some() && dice.below(3) == 0;
            SeededAnswer {
                id: dice.uuid(),
                score,
                comment,
                contact_email: wants_contact.then(|| format!("client{}@example.org", dice.below(900) + 100)),
                respondent: (dice.below(2) == 0).then(|| format!("customer-{}", dice.below(9000) + 1000)),
                segment: Some((*dice.pick(population.segments)).to_owned()),
                source: Some((*dice.pick(population.sources)).to_owned()),
                locale: Some(if russian { "ru" } else { "en" }.to_owned()),
                created_at: clock::format(now - Duration::seconds(seconds_ago)),
            }
        })
        .collect();
    answers.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    answers
}

fn survey(name: &str, kind: &str, in_app: bool, allowed_origins: &[&str]) -> SurveyInput {
    SurveyInput {
        name: name.into(),
        kind: kind.into(),
        company: COMPANY.into(),
        texts_en: SurveyTexts::default(),
        texts_ru: SurveyTexts::default(),
        allowed_origins: allowed_origins.iter().map(|origin| (*origin).to_owned()).collect(),
        throttle: Throttle::default(),
        in_app,
        starts_on: None,
        ends_on: None,
        active: true,
    }
}

pub async fn seed(db: &Db, staff: i64) -> anyhow::Result<()> {
    let mut dice = Dice(7);
    let created_at = clock::format(Utc::now() - Duration::days(HISTORY_DAYS + 3));

    let mut website = survey("Website NPS", "nps", false, &["http://127.0.0.1:8081", "http://localhost:8081"]);
    website.texts_en.detractor = "What disappointed you the most?".into();
    website.texts_ru.detractor = "Что разочаровало вас больше всего?".into();
    let website_id = db.create_survey(&website, Some(staff), &created_at).await?;
    let customers = Population {
        count: 320,
        promoters: (42, 55),
        detractors: (24, 14),
        sources: &[
            "https://www.sever-software.example",
            "https://www.sever-software.example",
            "https://help.sever-software.example",
        ],
        segments: &["customer", "customer", "trial", "partner"],
        russian: 60,
        comments: &CUSTOMER_COMMENTS,
    };
    db.insert_survey_answers(website_id, &answers(&mut dice, &customers)).await?;

    // Members are asked inside the community (the in-app banner).
    let community = survey("Community NPS", "nps", true, &[]);
    let community_id = db.create_survey(&community, Some(staff), &created_at).await?;
    let members = Population {
        count: 90,
        promoters: (45, 60),
        detractors: (20, 10),
        sources: &["community"],
        segments: &["customer", "partner"],
        russian: 70,
        comments: &CUSTOMER_COMMENTS,
    };
    db.insert_survey_answers(community_id, &answers(&mut dice, &members)).await?;

    // Employees answer on the company's intranet, not in the customers' community.
    let team = survey("Team eNPS", "enps", false, &[INTRANET]);
    let team_id = db.create_survey(&team, Some(staff), &created_at).await?;
    let employees = Population {
        count: 210,
        promoters: (30, 40),
        detractors: (25, 20),
        sources: &[INTRANET],
        segments: &["engineering", "engineering", "sales", "support"],
        russian: 80,
        comments: &EMPLOYEE_COMMENTS,
    };
    let mut team_answers = answers(&mut dice, &employees);
    // Employees answer as themselves, not for a customer account.
    for answer in &mut team_answers {
        answer.respondent = None;
        answer.contact_email = None;
    }
    db.insert_survey_answers(team_id, &team_answers).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_ids_look_like_uuids_and_differ() {
        let mut dice = Dice(1);
        let (a, b) = (dice.uuid(), dice.uuid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert!(
            veche_api::surveys::check_response(&veche_api::surveys::ResponseInput {
                id: a,
                score: 5,
                locale: None,
                respondent: None,
                segment: None,
                source: None,
            })
            .is_empty()
        );
    }
}
