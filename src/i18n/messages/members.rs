//! Profiles, the member directory, follows, reputation, ranks and badges.

use veche_api::Locale;
use veche_api::members::Milestone;

use crate::i18n::format::number;

crate::messages! {
    pub enum Members {
        Title => ("Members", "Участники"),
        FormerMember => ("Former member", "Бывший участник"),
        Intro => ("Customers, partners and the team: find people by name, company or city.", "Клиенты, партнёры и команда: ищите людей по имени, компании или городу."),
        SearchLabel => ("Search by name, company or city", "Поиск по имени, компании или городу"),
        Search => ("Search", "Найти"),
        RoleFilter => ("Role", "Роль"),
        AllRoles => ("All roles", "Все роли"),
        SortLabel => ("Order", "Порядок"),
        SortReputation => ("Reputation", "По репутации"),
        SortNewest => ("Newest", "Новые"),
        SortName => ("Name", "По имени"),
        NoMembers => ("No members match. Try other words or another role.", "Никого не нашли. Попробуйте другие слова или другую роль."),
        LoadMore => ("Load more", "Показать ещё"),
        Reputation => ("reputation", "репутация"),

        MemberSince => ("Member since", "В сообществе с"),
        ReputationLabel => ("Reputation", "Репутация"),
        RankLabel => ("Rank", "Ранг"),
        RankNewcomer => ("Newcomer", "Новичок"),
        RankContributor => ("Contributor", "Активный участник"),
        RankRegular => ("Regular", "Завсегдатай"),
        RankExpert => ("Expert", "Эксперт"),
        RankGuru => ("Guru", "Гуру"),
        RankUnknown => ("Unranked", "Без ранга"),
        EditProfile => ("Edit profile", "Редактировать профиль"),
        ViewProfile => ("View your public profile", "Открыть ваш публичный профиль"),
        Follow => ("Follow", "Подписаться"),
        Unfollow => ("Unfollow", "Отписаться"),
        SignInToFollow => ("Sign in to follow", "Войдите, чтобы подписаться"),
        FollowRefused => ("The follow could not be changed; the counts are back to what they were.", "Подписку изменить не удалось, счётчики вернулись к прежним значениям."),
        About => ("About", "О себе"),
        Contacts => ("Contacts", "Контакты"),
        Badges => ("Badges", "Награды"),
        Earned => ("Earned", "Получена"),
        Photos => ("Photos", "Фотографии"),
        PreviousPhoto => ("Previous photo", "Предыдущее фото"),
        NextPhoto => ("Next photo", "Следующее фото"),
        Close => ("Close", "Закрыть"),
        ViewerHint => ("Left and Right arrow keys move between photos; Escape closes.", "Стрелки влево и вправо листают фото, Escape закрывает."),
        Activity => ("Activity", "Активность"),
        TabThreads => ("Threads", "Темы"),
        TabReplies => ("Replies", "Ответы"),
        TabIdeas => ("Ideas", "Идеи"),
        TabEvents => ("Events", "События"),
        NoActivity => ("Nothing here yet.", "Здесь пока ничего нет."),
        AssignRole => ("Assign role", "Назначить роль"),
        RoleSaved => ("Role saved.", "Роль сохранена."),
        StaffTools => ("For staff", "Для команды"),

        ContactEmail => ("E-mail", "Эл. почта"),
        ContactPhone => ("Phone", "Телефон"),
        ContactWebsite => ("Website", "Сайт"),
        ContactLinkedIn => ("LinkedIn", "LinkedIn"),
        ContactX => ("X", "X"),
        ContactVk => ("VK", "ВКонтакте"),
        ContactTelegram => ("Telegram", "Telegram"),
        ContactGitHub => ("GitHub", "GitHub"),
        ContactOther => ("Other", "Другое"),

        BadgeFirstPost => ("First post", "Первое сообщение"),
        BadgeFirstPostWhy => ("they started a thread or replied for the first time", "первая тема или первый ответ в сообществе"),
        BadgeFiftyReplies => ("Fifty replies", "Пятьдесят ответов"),
        BadgeFiftyRepliesWhy => ("they replied in discussions 50 times", "50 ответов в обсуждениях"),
        BadgeFirstAcceptedAnswer => ("First accepted answer", "Первый принятый ответ"),
        BadgeFirstAcceptedAnswerWhy => ("an answer of theirs was accepted", "один из ответов отмечен как решение"),
        BadgeTenKudos => ("Ten kudos", "Десять благодарностей"),
        BadgeTenKudosWhy => ("members thanked their posts 10 times", "участники 10 раз поблагодарили за сообщения"),
        BadgeHundredKudos => ("A hundred kudos", "Сто благодарностей"),
        BadgeHundredKudosWhy => ("members thanked their posts 100 times", "участники 100 раз поблагодарили за сообщения"),
        BadgeIdeaImplemented => ("Idea implemented", "Идея воплощена"),
        BadgeIdeaImplementedWhy => ("the company built an idea they proposed", "компания воплотила предложенную идею"),
        BadgeFiveMeetups => ("Five meetups", "Пять встреч"),
        BadgeFiveMeetupsWhy => ("they came to 5 community events", "участие в 5 событиях сообщества"),
        BadgeUnknown => ("Badge", "Награда"),

        FollowersTitle => ("Followers", "Подписчики"),
        FollowingTitle => ("Following", "Подписки"),
        NoFollowers => ("No followers yet.", "Подписчиков пока нет."),
        NoFollowing => ("Not following anyone yet.", "Подписок пока нет."),
        BackToProfile => ("Back to the profile", "Назад к профилю"),

        LeaderboardTitle => ("Leaderboard", "Лучшие участники"),
        LeaderboardIntro => ("The members who helped most, by reputation earned in the period.", "Участники, которые помогли больше всех, — по репутации, заработанной за период."),
        PeriodLabel => ("Period", "Период"),
        ThisMonth => ("This month", "Этот месяц"),
        AllTime => ("All time", "За всё время"),
        NoLeaders => ("Nobody has earned points in this period yet.", "За этот период пока никто не заработал очков."),
        PlaceLabel => ("Place", "Место"),

        RulesTitle => ("How reputation works", "Как считается репутация"),
        RulesIntro => ("Reputation grows with what you do for others here; the server counts it by these rules.", "Репутация растёт за то, что вы делаете для других; сервер считает её по этим правилам."),
        PointsHeading => ("Points for each action", "Очки за действия"),
        ActionColumn => ("Action", "Действие"),
        PointsColumn => ("Points", "Очки"),
        ActionReply => ("A reply in a discussion", "Ответ в обсуждении"),
        ActionThread => ("A new thread", "Новая тема"),
        ActionKudos => ("Kudos received", "Полученная благодарность"),
        ActionAcceptedAnswer => ("An answer accepted", "Принятый ответ"),
        ActionIdeaImplemented => ("An idea implemented", "Воплощённая идея"),
        ActionEventAttended => ("An event attended", "Посещённое событие"),
        RanksHeading => ("Ranks", "Ранги"),
        ReputationNeeded => ("Reputation needed", "Нужная репутация"),
        BadgesHeading => ("Badges", "Награды"),
        BadgeColumn => ("Badge", "Награда"),
        MilestoneColumn => ("Earned for", "За что"),

        EditTitle => ("Edit your profile", "Редактирование профиля"),
        DetailsHeading => ("Your details", "Ваши данные"),
        PictureHeading => ("Profile picture", "Фото профиля"),
        ChoosePicture => ("Choose a picture", "Выбрать изображение"),
        PictureHint => ("PNG, JPEG, GIF or WebP, up to 5 MB. You crop it to a square before it is saved.", "PNG, JPEG, GIF или WebP, до 5 МБ. Перед сохранением вы обрежете его до квадрата."),
        RemovePicture => ("Remove picture", "Удалить фото профиля"),
        Zoom => ("Zoom", "Масштаб"),
        HorizontalPosition => ("Left – right", "Влево – вправо"),
        VerticalPosition => ("Up – down", "Вверх – вниз"),
        CropHint => ("Drag the picture or use the sliders to choose the square.", "Перетащите изображение или двигайте ползунки, чтобы выбрать квадрат."),
        CropPreview => ("The square that will be saved", "Квадрат, который будет сохранён"),
        SavePicture => ("Save picture", "Сохранить фото"),
        Cancel => ("Cancel", "Отмена"),
        PictureSaved => ("Picture saved.", "Фото профиля сохранено."),
        PictureRemoved => ("Picture removed.", "Фото профиля удалено."),
        Uploading => ("Uploading…", "Загружаем…"),
        FileTooLarge => ("This file is larger than 5 MB. Choose a smaller picture.", "Файл больше 5 МБ. Выберите изображение поменьше."),
        NotAnImage => ("This file is not a picture. Choose a PNG, JPEG, GIF or WebP image.", "Этот файл — не изображение. Выберите PNG, JPEG, GIF или WebP."),
        UnreadableImage => ("This picture could not be read. Try another file.", "Не удалось прочитать изображение. Попробуйте другой файл."),
        ServerTooLarge => ("The server refused the file as too large (at most 5 MB).", "Сервер не принял файл: он слишком большой (не больше 5 МБ)."),
        ServerUnsupported => ("The server does not accept this kind of file. Use PNG, JPEG, GIF or WebP.", "Сервер не принимает такие файлы. Используйте PNG, JPEG, GIF или WebP."),
        GalleryFull => ("The gallery is full: delete a photo to add another.", "Галерея заполнена: удалите фото, чтобы добавить новое."),

        PositionLabel => ("Position", "Должность"),
        CompanyLabel => ("Company", "Компания"),
        CityLabel => ("City", "Город"),
        BioLabel => ("About you", "О себе"),
        ContactsHeading => ("Contact details", "Контакты"),
        ContactsHint => ("Choose who sees each one: everyone, signed-in members, or only you.", "Для каждого выберите, кто его видит: все, участники после входа или только вы."),
        ContactKindLabel => ("Kind", "Тип"),
        ContactValueLabel => ("Address or number", "Адрес или номер"),
        VisibilityLabel => ("Who sees it", "Кто видит"),
        VisibleEveryone => ("Everyone", "Все"),
        VisibleMembers => ("Members only", "Только участники"),
        VisibleNobody => ("Only me", "Только я"),
        AddContact => ("Add a contact", "Добавить контакт"),
        RemoveContact => ("Remove", "Удалить"),
        ContactNumber => ("Contact", "Контакт"),
        ShowVotes => ("Show which ideas I voted for", "Показывать, за какие идеи я голосую"),
        SaveProfile => ("Save profile", "Сохранить профиль"),
        Saving => ("Saving…", "Сохраняем…"),
        ProfileSaved => ("Profile saved.", "Профиль сохранён."),

        PhotosHeading => ("Photo gallery", "Фотогалерея"),
        PhotosHint => ("Up to 30 photos, each a PNG, JPEG, GIF or WebP file of up to 5 MB.", "До 30 фотографий, каждая — PNG, JPEG, GIF или WebP до 5 МБ."),
        PhotoFile => ("Choose a photo", "Выбрать фото"),
        NoFileChosen => ("No file chosen", "Файл не выбран"),
        CaptionLabel => ("Caption", "Подпись"),
        UploadPhoto => ("Upload photo", "Загрузить фото"),
        SaveCaption => ("Save caption", "Сохранить подпись"),
        MoveUp => ("Move up", "Выше"),
        MoveDown => ("Move down", "Ниже"),
        DeletePhoto => ("Delete", "Удалить"),
        ConfirmDeletePhoto => ("Delete this photo?", "Удалить это фото?"),
        NoPhotos => ("No photos yet.", "Фотографий пока нет."),
        PhotoAdded => ("Photo added.", "Фото добавлено."),
        PhotoDeleted => ("Photo deleted.", "Фото удалено."),
        CaptionSaved => ("Caption saved.", "Подпись сохранена."),
        OrderSaved => ("Order saved.", "Порядок сохранён."),
        ChooseFileFirst => ("Choose a file first.", "Сначала выберите файл."),

        AccountLanguage => ("Language of your account", "Язык вашей учётной записи"),
        AccountLanguageHint => ("Pages, e-mails and notifications come to you in this language.", "На этом языке вам показываются страницы и приходят письма и уведомления."),
        SaveLanguage => ("Save language", "Сохранить язык"),
    }
}

/// "12 followers" / "12 подписчиков".
pub fn followers(locale: Locale, n: i64) -> String {
    let n = n.max(0) as u64;
    let word = match locale {
        Locale::En => locale.pick(n, ["follower", "followers", "followers"]),
        Locale::Ru => locale.pick(n, ["подписчик", "подписчика", "подписчиков"]),
    };
    format!("{} {word}", number(n as i64, locale))
}

/// "3 following" / "3 подписки".
pub fn following(locale: Locale, n: i64) -> String {
    let n = n.max(0) as u64;
    let word = match locale {
        Locale::En => "following",
        Locale::Ru => locale.pick(n, ["подписка", "подписки", "подписок"]),
    };
    format!("{} {word}", number(n as i64, locale))
}

/// "1 point" / "21 очко".
pub fn points(locale: Locale, n: i64) -> String {
    let count = n.unsigned_abs();
    let word = match locale {
        Locale::En => locale.pick(count, ["point", "points", "points"]),
        Locale::Ru => locale.pick(count, ["очко", "очка", "очков"]),
    };
    format!("{} {word}", number(n, locale))
}

/// "Photo 2 of 5".
pub fn photo_of(locale: Locale, position: usize, total: usize) -> String {
    match locale {
        Locale::En => format!("Photo {position} of {total}"),
        Locale::Ru => format!("Фото {position} из {total}"),
    }
}

/// What a badge asks for: "50 replies", "10 kudos received" / "10 полученных благодарностей".
pub fn milestone(locale: Locale, milestone: Milestone, count: i64) -> String {
    let n = count.max(0) as u64;
    let forms = match (locale, milestone) {
        (Locale::En, Milestone::Posts) => ["thread or reply", "threads or replies", "threads or replies"],
        (Locale::En, Milestone::Replies) => ["reply", "replies", "replies"],
        (Locale::En, Milestone::AcceptedAnswers) => ["accepted answer", "accepted answers", "accepted answers"],
        (Locale::En, Milestone::KudosReceived) => ["kudos received", "kudos received", "kudos received"],
        (Locale::En, Milestone::IdeasImplemented) => ["idea implemented", "ideas implemented", "ideas implemented"],
        (Locale::En, Milestone::EventsAttended) => ["event attended", "events attended", "events attended"],
        (Locale::Ru, Milestone::Posts) => ["тема или ответ", "темы или ответа", "тем или ответов"],
        (Locale::Ru, Milestone::Replies) => ["ответ", "ответа", "ответов"],
        (Locale::Ru, Milestone::AcceptedAnswers) => ["принятый ответ", "принятых ответа", "принятых ответов"],
        (Locale::Ru, Milestone::KudosReceived) => {
            ["полученная благодарность", "полученные благодарности", "полученных благодарностей"]
        }
        (Locale::Ru, Milestone::IdeasImplemented) => ["воплощённая идея", "воплощённые идеи", "воплощённых идей"],
        (Locale::Ru, Milestone::EventsAttended) => ["посещённое событие", "посещённых события", "посещённых событий"],
        // A milestone of the backend's own that this version does not know.
        (Locale::En, Milestone::Unknown) => ["other achievement", "other achievements", "other achievements"],
        (Locale::Ru, Milestone::Unknown) => ["другое достижение", "других достижения", "других достижений"],
    };
    format!("{} {}", number(count, locale), locale.pick(n, forms))
}

/// "Contact 2", for the screen-reader names of a contact row's buttons.
pub fn contact_number(locale: Locale, position: usize) -> String {
    format!("{} {position}", crate::i18n::Text::text(Members::ContactNumber, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Members::ALL, &["LinkedIn", "X", "Telegram", "GitHub"]);
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(followers(Locale::En, 1), "1 follower");
        assert_eq!(followers(Locale::En, 0), "0 followers");
        assert_eq!(followers(Locale::Ru, 1), "1 подписчик");
        assert_eq!(followers(Locale::Ru, 3), "3 подписчика");
        assert_eq!(followers(Locale::Ru, 11), "11 подписчиков");
        assert_eq!(followers(Locale::Ru, 21), "21 подписчик");
        assert_eq!(following(Locale::En, 2), "2 following");
        assert_eq!(following(Locale::Ru, 2), "2 подписки");
        assert_eq!(following(Locale::Ru, 5), "5 подписок");
        assert_eq!(points(Locale::Ru, 21), "21 очко");
        assert_eq!(points(Locale::Ru, 1400), "1\u{a0}400 очков");
        assert_eq!(points(Locale::En, 1), "1 point");
        assert_eq!(points(Locale::En, 15), "15 points");
    }

    #[test]
    fn milestones_read_naturally() {
        assert_eq!(milestone(Locale::En, Milestone::Replies, 50), "50 replies");
        assert_eq!(milestone(Locale::En, Milestone::AcceptedAnswers, 1), "1 accepted answer");
        assert_eq!(milestone(Locale::Ru, Milestone::KudosReceived, 10), "10 полученных благодарностей");
        assert_eq!(milestone(Locale::Ru, Milestone::EventsAttended, 5), "5 посещённых событий");
        assert_eq!(milestone(Locale::Ru, Milestone::Posts, 1), "1 тема или ответ");
        assert_eq!(milestone(Locale::En, Milestone::Unknown, 3), "3 other achievements");
        assert_eq!(milestone(Locale::Ru, Milestone::Unknown, 2), "2 других достижения");
        assert_eq!(photo_of(Locale::Ru, 2, 5), "Фото 2 из 5");
    }
}
