//! Every visible text of the survey, in English and Russian. The crate carries its own table so
//! the embed frame needs nothing of the app; `{company}` stands for the survey's company.

use veche_api::Locale;
use veche_api::surveys::{Category, PublicSurvey, SurveyKind, SurveyTexts};

macro_rules! texts {
    ($($key:ident => ($en:literal, $ru:literal),)+) => {
        /// A text of the survey; a key without both languages does not compile.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $($key,)+ }

        impl Text {
            /// Every key, for the test that checks the table.
            pub const ALL: &'static [Text] = &[$(Text::$key,)+];

            pub fn get(self, locale: Locale) -> &'static str {
                match locale {
                    Locale::En => match self { $(Text::$key => $en,)+ },
                    Locale::Ru => match self { $(Text::$key => $ru,)+ },
                }
            }
        }
    };
}

texts! {
    SurveyLabel => ("Survey", "Опрос"),
    Close => ("Close the survey", "Закрыть опрос"),
    QuestionNps => (
        "How likely are you to recommend {company} to a friend or colleague?",
        "Насколько вероятно, что вы порекомендуете {company} другу или коллеге?"
    ),
    QuestionEnps => (
        "How likely are you to recommend {company} as a place to work?",
        "Насколько вероятно, что вы порекомендуете {company} как место работы?"
    ),
    LeastLikely => ("0: not at all likely", "0: совсем маловероятно"),
    MostLikely => ("10: extremely likely", "10: очень вероятно"),
    ChooseScore => ("Choose a score from 0 to 10.", "Выберите оценку от 0 до 10."),
    Send => ("Send", "Отправить"),
    ScoreSaved => ("Thank you! Your score is saved.", "Спасибо! Ваша оценка сохранена."),
    FollowUpDetractor => ("What should we do better?", "Что нам стоит улучшить?"),
    FollowUpPassive => ("What would make it a 10?", "Что нужно, чтобы вы поставили 10?"),
    FollowUpPromoter => ("What do you like most?", "Что вам нравится больше всего?"),
    ContactMe => ("You may contact me about this", "Можно связаться со мной по этому поводу"),
    Email => ("Your e-mail", "Ваш адрес электронной почты"),
    ProposeIdea => ("Propose an idea in the community", "Предложить идею в сообществе"),
    NewTab => ("(opens in a new tab)", "(откроется в новой вкладке)"),
    Skip => ("Skip", "Пропустить"),
    ThanksHeading => ("Thank you for your feedback!", "Спасибо за ваш отзыв!"),
    ThanksPromoter => (
        "Glad you like {company}! Join our community: ask questions, share ideas, help others.",
        "Рады, что вам нравится {company}! Присоединяйтесь к нашему сообществу: задавайте вопросы, делитесь идеями, помогайте другим."
    ),
    ThanksPromoterMember => (
        "Glad you like {company}! Tell a friend about it.",
        "Рады, что вам нравится {company}! Расскажите о нас другу."
    ),
    JoinCommunity => ("Join the community", "Вступить в сообщество"),
    Share => ("Tell a friend by e-mail", "Рассказать другу по почте"),
    ShareSubject => ("I recommend {company}", "Рекомендую {company}"),
    ThanksPassive => (
        "Your answer helps us improve. Have an idea? Propose it to the community.",
        "Ваш ответ помогает нам стать лучше. Есть идея? Предложите её сообществу."
    ),
    ThanksDetractor => (
        "We are sorry it was not better. We read every answer and would like to put it right.",
        "Жаль, что не всё было хорошо. Мы читаем каждый ответ и хотим это исправить."
    ),
    AskContact => ("Ask us to contact you", "Попросить нас связаться с вами"),
    WillContact => ("We will contact you about this.", "Мы свяжемся с вами по этому поводу."),
    Done => ("Done", "Готово"),
    AlreadyAnswered => ("Thanks, you have already answered this survey.", "Спасибо, вы уже ответили на этот опрос."),
    LoadFailed => ("The survey could not be loaded.", "Не удалось загрузить опрос."),
    Retry => ("Try again", "Повторить"),
}

impl Text {
    /// The text with the company's name put in (each text has `{company}` at most once and no
    /// other brace: found by its first character, without `str::replace`'s substring search).
    pub fn with_company(self, locale: Locale, company: &str) -> String {
        let text = self.get(locale);
        match text.split_once('{').and_then(|(before, after)| Some((before, after.strip_prefix("company}")?))) {
            Some((before, after)) => [before, company, after].concat(),
            None => text.to_owned(),
        }
    }
}

/// The survey's own texts in `locale`.
pub fn survey_texts(survey: &PublicSurvey, locale: Locale) -> &SurveyTexts {
    match locale {
        Locale::En => &survey.texts_en,
        Locale::Ru => &survey.texts_ru,
    }
}

/// The main question: the survey's own wording, else the standard NPS or eNPS one.
pub fn question(survey: &PublicSurvey, locale: Locale) -> String {
    let own = survey_texts(survey, locale).question.trim();
    if !own.is_empty() {
        return own.to_owned();
    }
    let standard = match SurveyKind::parse(&survey.kind) {
        SurveyKind::Enps => Text::QuestionEnps,
        SurveyKind::Nps | SurveyKind::Unknown => Text::QuestionNps,
    };
    standard.with_company(locale, &survey.company)
}

/// The follow-up question for a score's group: the survey's own wording, else the default.
pub fn follow_up_question(survey: &PublicSurvey, locale: Locale, category: Category) -> String {
    let texts = survey_texts(survey, locale);
    let (own, default) = match category {
        Category::Promoter => (&texts.promoter, Text::FollowUpPromoter),
        Category::Passive => (&texts.passive, Text::FollowUpPassive),
        Category::Detractor | Category::Unknown => (&texts.detractor, Text::FollowUpDetractor),
    };
    let own = own.trim();
    if own.is_empty() { default.get(locale).to_owned() } else { own.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veche_api::surveys::Throttle;

    #[test]
    fn every_text_is_in_english_and_russian() {
        for key in Text::ALL {
            let en = key.get(Locale::En);
            let ru = key.get(Locale::Ru);
            assert!(!en.trim().is_empty() && !ru.trim().is_empty(), "{key:?} has an empty text");
            assert_ne!(en, ru, "{key:?} is not translated");
            assert!(ru.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё')), "{key:?}: no Cyrillic in {ru}");
            assert_eq!(en.contains("{company}"), ru.contains("{company}"), "{key:?}: the company is lost");
        }
    }

    fn survey(kind: &str) -> PublicSurvey {
        PublicSurvey {
            id: "s1".into(),
            kind: kind.into(),
            company: "Acme".into(),
            texts_en: SurveyTexts::default(),
            texts_ru: SurveyTexts::default(),
            throttle: Throttle::default(),
            open: true,
        }
    }

    #[test]
    fn the_question_names_the_company_and_the_kind() {
        assert_eq!(
            question(&survey("nps"), Locale::En),
            "How likely are you to recommend Acme to a friend or colleague?"
        );
        assert_eq!(question(&survey("enps"), Locale::En), "How likely are you to recommend Acme as a place to work?");
        assert_eq!(
            question(&survey("enps"), Locale::Ru),
            "Насколько вероятно, что вы порекомендуете Acme как место работы?"
        );
        let mut own = survey("nps");
        own.texts_ru.question = "  Порекомендуете нас?  ".into();
        assert_eq!(question(&own, Locale::Ru), "Порекомендуете нас?");
        assert_eq!(question(&own, Locale::En), "How likely are you to recommend Acme to a friend or colleague?");
    }

    #[test]
    fn the_company_is_put_in_wherever_a_text_names_it() {
        for &text in Text::ALL {
            for locale in [Locale::En, Locale::Ru] {
                assert_eq!(text.with_company(locale, "A{b}"), text.get(locale).replace("{company}", "A{b}"));
            }
        }
    }

    #[test]
    fn follow_ups_differ_by_group_and_prefer_the_surveys_own() {
        let plain = survey("nps");
        let asked = |score| follow_up_question(&plain, Locale::En, Category::of(score).unwrap());
        assert_eq!(asked(6), "What should we do better?");
        assert_eq!(asked(7), "What would make it a 10?");
        assert_eq!(asked(8), "What would make it a 10?");
        assert_eq!(asked(9), "What do you like most?");
        let mut own = survey("nps");
        own.texts_en.passive = "Almost there?".into();
        assert_eq!(follow_up_question(&own, Locale::En, Category::Passive), "Almost there?");
        assert_eq!(follow_up_question(&own, Locale::Ru, Category::Passive), "Что нужно, чтобы вы поставили 10?");
    }
}
