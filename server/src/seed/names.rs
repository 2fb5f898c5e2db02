//! The Russian names and descriptions staff gave the demo's spaces, idea categories and
//! groups (their English words are where each is seeded).

use veche_api::names::NameText;

use crate::db::Db;
use crate::db::names::Named;

const RUSSIAN: &[(Named, &str, &str, &str)] = &[
    (
        Named::Space,
        "product-questions",
        "Вопросы о продуктах",
        "Как сделать…? Участники, наставники и команда «Севера» отвечают на вопросы о каждом продукте.",
    ),
    (
        Named::Space,
        "integrations",
        "Интеграции и API",
        "Вебхуки, REST API, единый вход и подключение «Севера» к остальным вашим системам.",
    ),
    (
        Named::Space,
        "partners",
        "Партнёры",
        "Для компаний-партнёров: проекты внедрения, сертификация и совместные мероприятия.",
    ),
    (
        Named::Space,
        "regional-clubs",
        "Региональные клубы",
        "Местные клубы пользователей — Москва, Санкт-Петербург, Казань, Новосибирск и другие города.",
    ),
    (Named::Space, "news", "Новости", "Объявления команды сообщества. Читают все, обсуждают участники в ответах."),
    (
        Named::Space,
        "north-west",
        "Партнёры Северо-Запада",
        "Партнёры из Санкт-Петербурга, Калининграда и Мурманска: совместные проекты и местные мероприятия. Читать может каждый, писать — участники группы.",
    ),
    (
        Named::Space,
        "beta-lab",
        "Бета-лаборатория",
        "Участники, которые пробуют новые версии раньше всех. Сборки, известные проблемы и отзывы остаются в группе до выпуска.",
    ),
    (
        Named::Space,
        "partner-council",
        "Совет партнёров",
        "Совет партнёров: цены и планы развития под соглашением о неразглашении.",
    ),
    (Named::IdeaCategory, "reports", "Отчёты и дашборды", ""),
    (Named::IdeaCategory, "integrations", "Интеграции и API", ""),
    (Named::IdeaCategory, "mobile", "Мобильные приложения", ""),
    (Named::IdeaCategory, "administration", "Администрирование", ""),
    (Named::IdeaCategory, "community", "Сообщество", ""),
    (
        Named::Group,
        super::groups::OPEN_GROUP,
        "Региональные партнёры — Северо-Запад",
        "Партнёры из Санкт-Петербурга, Калининграда и Мурманска: совместные проекты и местные мероприятия. Читать может каждый, писать — участники группы.",
    ),
    (
        Named::Group,
        super::groups::CLOSED_GROUP,
        "Бета-тестеры",
        "Участники, которые пробуют новые версии раньше всех. Сборки, известные проблемы и отзывы остаются в группе до выпуска.",
    ),
    (
        Named::Group,
        super::groups::SECRET_GROUP,
        "Совет партнёров",
        "Совет партнёров: цены и планы развития под соглашением о неразглашении.",
    ),
];

/// Gives the seeded spaces, categories and groups their Russian words.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    for (named, slug, name, description) in RUSSIAN {
        let words = NameText { name: (*name).to_owned(), description: (*description).to_owned() };
        anyhow::ensure!(db.set_russian_words(*named, slug, &words).await?, "no demo {named:?} {slug}");
    }
    Ok(())
}
