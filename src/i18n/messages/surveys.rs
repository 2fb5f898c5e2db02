//! NPS surveys: the staff's list, editor and results, and the banner members see.

use veche_api::Locale;
use veche_api::surveys::{Category, SurveyKind};

use super::counted;
use crate::i18n::format::number;

crate::messages! {
    pub enum Surveys {
        Title => ("Surveys", "Опросы"),
        Intro => ("Net Promoter Score surveys on your sites and in the community.", "Опросы NPS на ваших сайтах и в сообществе."),
        NewSurvey => ("New survey", "Новый опрос"),
        EditSurvey => ("Edit survey", "Изменить опрос"),
        NoSurveys => ("No surveys yet. Create the first one.", "Опросов пока нет. Создайте первый."),
        KindNps => ("NPS: customers", "NPS: клиенты"),
        KindEnps => ("eNPS: employees", "eNPS: сотрудники"),
        Active => ("Active", "Активен"),
        Paused => ("Paused", "Остановлен"),
        InApp => ("Also in the community", "Также в сообществе"),
        NoScoreYet => ("No answers yet", "Ответов пока нет"),
        Results => ("Results", "Результаты"),
        Edit => ("Edit", "Изменить"),
        AllSurveys => ("All surveys", "Все опросы"),

        NameLabel => ("Name (only staff see it)", "Название (видит только команда)"),
        KindLabel => ("Kind", "Тип"),
        CompanyLabel => ("Company", "Компания"),
        CompanyHint => ("Named in the question: “How likely are you to recommend … ?”", "Называется в вопросе: «Насколько вероятно, что вы порекомендуете …?»"),
        TextsEn => ("Texts in English", "Тексты на английском"),
        TextsRu => ("Texts in Russian", "Тексты на русском"),
        TextsHint => ("Leave a text empty for the standard wording.", "Оставьте поле пустым, чтобы использовать стандартную формулировку."),
        // Each language's fields say which language they hold: screen readers hear only the label.
        QuestionLabelEn => ("Question (English)", "Вопрос (на английском)"),
        DetractorLabelEn => ("Follow-up after a score of 0–6 (English)", "Уточняющий вопрос после оценки 0–6 (на английском)"),
        PassiveLabelEn => ("Follow-up after 7–8 (English)", "Уточняющий вопрос после 7–8 (на английском)"),
        PromoterLabelEn => ("Follow-up after 9–10 (English)", "Уточняющий вопрос после 9–10 (на английском)"),
        QuestionLabelRu => ("Question (Russian)", "Вопрос (на русском)"),
        DetractorLabelRu => ("Follow-up after a score of 0–6 (Russian)", "Уточняющий вопрос после оценки 0–6 (на русском)"),
        PassiveLabelRu => ("Follow-up after 7–8 (Russian)", "Уточняющий вопрос после 7–8 (на русском)"),
        PromoterLabelRu => ("Follow-up after 9–10 (Russian)", "Уточняющий вопрос после 9–10 (на русском)"),
        OriginsLabel => ("Sites that may show the survey", "Сайты, где можно показывать опрос"),
        OriginsHint => ("One origin per line, like https://shop.example.com (no path); at most 20.", "По одному адресу в строке, например https://shop.example.com (без пути); не больше 20."),
        ThrottleLegend => ("Who is asked, and how often", "Кого и как часто спрашивать"),
        DaysAfterAnswerLabel => ("Days before asking again after an answer", "Дней до повторного вопроса после ответа"),
        DaysAfterDismissLabel => ("Days before asking again after “not now”", "Дней до повторного вопроса после «не сейчас»"),
        SamplePercentLabel => ("Share of visitors asked, %", "Доля опрашиваемых посетителей, %"),
        MinVisitsLabel => ("Ask from this visit on", "Спрашивать начиная с визита №"),
        InAppLabel => ("Also ask signed-in members inside the community", "Также спрашивать участников внутри сообщества"),
        ActiveLabel => ("Active: the survey takes answers", "Активен: опрос принимает ответы"),
        DatesLegend => ("When it runs (optional)", "Когда проводится (необязательно)"),
        StartsOnLabel => ("First day", "Первый день"),
        EndsOnLabel => ("Last day", "Последний день"),
        Settings => ("Settings", "Настройки"),
        Create => ("Create survey", "Создать опрос"),
        Save => ("Save changes", "Сохранить изменения"),
        Saving => ("Saving…", "Сохраняем…"),
        Saved => ("Saved. Put the survey on your site with one of these snippets.", "Сохранено. Разместите опрос на сайте с помощью одного из этих фрагментов."),
        DraftKept => ("What you type is kept in this browser until it is saved.", "Введённое хранится в этом браузере, пока не будет сохранено."),

        EmbedTitle => ("Put it on your site", "Разместить на сайте"),
        ScriptTitle => ("Script tag", "Тег script"),
        ScriptHint => ("Optional attributes: data-mode (inline, banner or modal), data-locale (en or ru), data-respondent (your id or e-mail for the visitor), data-segment, data-accent (a colour like #1d4ed8), data-delay (seconds before it shows).", "Необязательные атрибуты: data-mode (inline, banner или modal), data-locale (en или ru), data-respondent (ваш идентификатор или e-mail посетителя), data-segment, data-accent (цвет, например #1d4ed8), data-delay (секунд до показа)."),
        ElementTitle => ("Custom element", "Собственный элемент"),
        ElementHint => ("For sites that prefer markup: the element marks where the survey appears.", "Для сайтов, где удобнее разметка: элемент отмечает место опроса."),
        IframeTitle => ("Plain iframe, no script", "Простой iframe без скрипта"),
        IframeHint => ("For sites that allow no scripts. The survey is always shown: no resurvey pause or sampling.", "Для сайтов, где скрипты запрещены. Опрос показывается всегда: без паузы между опросами и выборки."),
        Copy => ("Copy", "Копировать"),
        Copied => ("Copied to the clipboard.", "Скопировано в буфер обмена."),
        CopyFailed => ("The browser did not allow copying: select the text and copy it.", "Браузер не разрешил копирование: выделите текст и скопируйте его."),

        Filters => ("Filters", "Фильтры"),
        FromLabel => ("From", "С"),
        ToLabel => ("To", "По"),
        Apply => ("Show", "Показать"),
        PeriodLabel => ("Period", "Период"),
        Last30 => ("30 days", "30 дней"),
        Last90 => ("90 days", "90 дней"),
        Last180 => ("180 days", "180 дней"),
        AllTime => ("All time", "Всё время"),
        SourceLabel => ("Source site", "Сайт-источник"),
        AnySource => ("All sources", "Все источники"),
        CommunitySource => ("The community (in-app)", "Сообщество (внутри приложения)"),
        SegmentLabel => ("Segment", "Сегмент"),
        AnySegment => ("All segments", "Все сегменты"),
        BucketLabel => ("Trend by", "Динамика по"),
        Week => ("Week", "Неделям"),
        Month => ("Month", "Месяцам"),
        ExportCsv => ("Download CSV", "Скачать CSV"),

        Score => ("Net Promoter Score", "Индекс NPS"),
        ScoreRange => ("from −100 to +100", "от −100 до +100"),
        NoAnswers => ("No answers in this period.", "За этот период ответов нет."),
        Split => ("Promoters, passives and detractors", "Сторонники, нейтральные и критики"),
        Promoters => ("Promoters, 9–10", "Сторонники, 9–10"),
        Passives => ("Passives, 7–8", "Нейтральные, 7–8"),
        Detractors => ("Detractors, 0–6", "Критики, 0–6"),
        Promoter => ("Promoter", "Сторонник"),
        Passive => ("Passive", "Нейтральный"),
        Detractor => ("Detractor", "Критик"),
        Trend => ("Trend", "Динамика"),
        PeriodStart => ("Period from", "Период с"),
        Answers => ("Answers", "Ответы"),
        Nps => ("NPS", "NPS"),
        Distribution => ("Scores from 0 to 10", "Оценки от 0 до 10"),
        ScoreLabel => ("Score", "Оценка"),
        Comments => ("Comments", "Комментарии"),
        CategoryLabel => ("Category", "Категория"),
        AllCategories => ("All categories", "Все категории"),
        SearchLabel => ("Search comments", "Поиск по комментариям"),
        Search => ("Search", "Найти"),
        NoComments => ("No comments match.", "Подходящих комментариев нет."),
        More => ("Show more", "Показать ещё"),
        ContactOk => ("Agreed to be contacted", "Согласен(на) на связь"),
        Respondent => ("Respondent", "Респондент"),
        BannerLabel => ("Community survey", "Опрос сообщества"),
    }
}

pub fn kind_text(kind: SurveyKind) -> Surveys {
    match kind {
        SurveyKind::Enps => Surveys::KindEnps,
        _ => Surveys::KindNps,
    }
}

/// The group's name, singular ("Promoter").
pub fn category_text(category: Category) -> Surveys {
    match category {
        Category::Promoter => Surveys::Promoter,
        Category::Passive => Surveys::Passive,
        _ => Surveys::Detractor,
    }
}

/// "1 answer" / "5 ответов".
pub fn answers(locale: Locale, n: u64) -> String {
    counted(locale, n as i64, ["answer", "answers", "answers"], ["ответ", "ответа", "ответов"])
}

/// An NPS with its sign: "+32", "−8", "0" (a true minus sign).
pub fn signed_score(score: i32) -> String {
    match score {
        s if s > 0 => format!("+{s}"),
        s if s < 0 => format!("−{}", s.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// "± 6 points (95 % confidence)".
pub fn margin(locale: Locale, points: f64) -> String {
    let points = points.round() as i64;
    match locale {
        Locale::En => format!(
            "± {} {} (95 % confidence)",
            number(points, locale),
            locale.pick(points as u64, ["point", "points", "points"])
        ),
        Locale::Ru => format!(
            "± {} {} (доверие 95 %)",
            number(points, locale),
            locale.pick(points as u64, ["пункт", "пункта", "пунктов"])
        ),
    }
}

/// "34 % · 120 answers".
pub fn share(locale: Locale, percent: f64, count: u64) -> String {
    format!("{} % · {}", percent.round() as i64, answers(locale, count))
}

/// What the trend chart shows, for those who cannot see it: the `(first, last)` periods and the
/// scores `[first, last, lowest, highest]`.
pub fn trend_summary(locale: Locale, bucket_is_month: bool, (first, last): (&str, &str), scores: [i32; 4]) -> String {
    let [from, to, low, high] = scores.map(signed_score);
    match (locale, bucket_is_month) {
        (Locale::En, false) => {
            format!("NPS by week, {first} to {last}: from {from} to {to}; lowest {low}, highest {high}.")
        }
        (Locale::En, true) => {
            format!("NPS by month, {first} to {last}: from {from} to {to}; lowest {low}, highest {high}.")
        }
        (Locale::Ru, false) => {
            format!("NPS по неделям, {first} — {last}: от {from} до {to}; минимум {low}, максимум {high}.")
        }
        (Locale::Ru, true) => {
            format!("NPS по месяцам, {first} — {last}: от {from} до {to}; минимум {low}, максимум {high}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Surveys::ALL, &["NPS"]);
    }

    #[test]
    fn scores_and_counts_read_naturally() {
        assert_eq!(signed_score(32), "+32");
        assert_eq!(signed_score(-8), "−8");
        assert_eq!(signed_score(0), "0");
        assert_eq!(answers(Locale::En, 1), "1 answer");
        assert_eq!(answers(Locale::Ru, 22), "22 ответа");
        assert_eq!(answers(Locale::Ru, 1250), "1\u{a0}250 ответов");
        assert_eq!(margin(Locale::En, 6.4), "± 6 points (95 % confidence)");
        assert_eq!(margin(Locale::Ru, 1.2), "± 1 пункт (доверие 95 %)");
        assert_eq!(share(Locale::En, 33.5, 67), "34 % · 67 answers");
    }
}
