//! The shell, accounts and shared states.

crate::messages! {
    pub enum Common {
        SkipToContent => ("Skip to content", "Перейти к содержанию"),
        MainNavigation => ("Main navigation", "Основная навигация"),
        Menu => ("Menu", "Меню"),
        NavHome => ("Home", "Главная"),
        NavThreads => ("Threads", "Обсуждения"),
        NavIdeas => ("Ideas", "Идеи"),
        NavEvents => ("Events", "События"),
        NavMembers => ("Members", "Участники"),
        NavGroups => ("Groups", "Группы"),
        NavKb => ("Knowledge base", "База знаний"),
        NavSearch => ("Search", "Поиск"),
        NavSurveys => ("Surveys", "Опросы"),
        NavKpis => ("KPIs", "Показатели"),
        NavModeration => ("Moderation", "Модерация"),
        NavSettings => ("Settings", "Настройки"),
        SignIn => ("Sign in", "Войти"),
        SignOut => ("Sign out", "Выйти"),
        Join => ("Join", "Вступить"),
        Account => ("Account", "Профиль"),
        AccountMenu => ("account menu", "меню профиля"),
        YourProfile => ("Your public profile", "Ваша страница участника"),
        Language => ("Language", "Язык"),
        LanguageName => ("English", "Русский"),
        CommunityRules => ("Community rules", "Правила сообщества"),
        PoweredBy => ("Runs on Veche, the open community front end", "Работает на Veche — открытом интерфейсе сообществ"),

        Loading => ("Loading…", "Загрузка…"),
        TryAgain => ("Try again", "Повторить"),
        ErrorNetwork => ("We can't reach the community server. Check your connection; we'll keep what you typed.", "Не удаётся связаться с сервером сообщества. Проверьте подключение — всё набранное сохранится."),
        ErrorServer => ("The server ran into a problem. Please try again in a moment.", "На сервере произошла ошибка. Попробуйте ещё раз чуть позже."),
        ErrorInvalid => ("The server sent an answer we don't understand. Please try again later.", "Сервер прислал непонятный ответ. Попробуйте позже."),
        ErrorRateLimited => ("That was a lot of requests. Please wait a little and try again.", "Слишком много запросов. Подождите немного и повторите."),
        ErrorNotFound => ("We couldn't find this. It may have been moved or deleted.", "Не нашли такую страницу: возможно, её перенесли или удалили."),
        ErrorForbidden => ("You don't have access to this.", "У вас нет доступа к этому."),
        ErrorUnauthorized => ("Please sign in to continue.", "Войдите, чтобы продолжить."),
        ErrorStillRunning => ("The server is still busy with an earlier attempt and has not said whether it was saved. Your text is kept here: try again in a minute.", "Сервер всё ещё занят предыдущей попыткой и не сообщил, сохранена ли она. Ваш текст остался здесь: повторите через минуту."),
        ErrorConflict => ("Something changed in the meantime. Reload and try again.", "Пока вы были здесь, что-то изменилось. Обновите страницу и повторите."),
        ErrorFixFields => ("Please fix the highlighted fields.", "Исправьте отмеченные поля."),
        ErrorEmailUnconfirmed => ("This community asks members to confirm their e-mail address before posting. Open the link we mailed you, or get a new one. What you wrote is kept here.", "В этом сообществе нужно подтвердить адрес почты, прежде чем писать. Откройте ссылку из нашего письма или получите новую. Написанное останется здесь."),
        InvitationRequired => ("Joining is by invitation only. Ask the community's staff for one, then follow the link in the mail.", "Вступить можно только по приглашению. Попросите его у команды сообщества и перейдите по ссылке из письма."),
        InvitationUnusable => ("This invitation link cannot be used: it expired, was used already or is cut short. Ask the staff for a new invitation.", "Эту ссылку-приглашение нельзя использовать: срок истёк, она уже использована или скопирована не целиком. Попросите у команды новое приглашение."),
        ApprovalPending => ("Your registration still waits for staff approval. You get an e-mail when they decide.", "Ваша заявка ещё ждёт одобрения команды. Когда решение будет принято, вы получите письмо."),
        ResendConfirmation => ("Send the link again", "Отправить ссылку ещё раз"),
        ConfirmationResent => ("A new link is on its way. Open it, then send this again.", "Новая ссылка уже в пути. Откройте её и отправьте это ещё раз."),
        ServerUnreachableBanner => ("The community server is not answering right now.", "Сервер сообщества сейчас не отвечает."),

        SignInTitle => ("Sign in", "Вход"),
        SignInIntro => ("Welcome back! Sign in with your e-mail or handle.", "С возвращением! Войдите по e-mail или имени пользователя."),
        LoginLabel => ("E-mail or handle", "E-mail или имя пользователя"),
        PasswordLabel => ("Password", "Пароль"),
        SigningIn => ("Signing in…", "Входим…"),
        WrongCredentials => ("Wrong e-mail, handle or password.", "Неверный e-mail, имя пользователя или пароль."),
        NoAccountYet => ("New here?", "Впервые здесь?"),
        JoinTheCommunity => ("Join the community", "Вступить в сообщество"),
        RegisterTitle => ("Join the community", "Вступление в сообщество"),
        RegisterIntro => ("Ask, answer, propose ideas and meet other customers.", "Задавайте вопросы, отвечайте, предлагайте идеи и знакомьтесь с другими клиентами."),
        HandleLabel => ("Handle", "Имя пользователя"),
        HandleHint => ("Your address in the community: /members/handle. Latin letters, digits, _ and -.", "Ваш адрес в сообществе: /members/имя. Латинские буквы, цифры, _ и -."),
        DisplayNameLabel => ("Your name", "Ваше имя"),
        EmailLabel => ("E-mail", "E-mail"),
        NewPasswordHint => ("At least 8 characters.", "Не меньше 8 символов."),
        AcceptRulesBefore => ("I have read and accept the", "Я прочитал(а) и принимаю"),
        AcceptRulesLink => ("community rules", "правила сообщества"),
        Joining => ("Joining…", "Вступаем…"),
        AlreadyMember => ("Already a member?", "Уже участник?"),

        AccountTitle => ("Your account", "Ваш профиль"),
        SignedInAs => ("Signed in as", "Вы вошли как"),
        RoleLabel => ("Community role", "Роль в сообществе"),
        SigningOut => ("Signing out…", "Выходим…"),

        WelcomeTo => ("Welcome to", "Добро пожаловать в"),
        CommunitySince => ("Community since", "Сообщество с"),
        // The first-visit welcome: what members do here.
        WelcomeAsk => ("Ask and answer: members, mentors and the team answer product questions.", "Спрашивайте и отвечайте: на вопросы о продуктах отвечают участники, наставники и команда."),
        WelcomePropose => ("Propose and vote: the ideas with the most votes go on the roadmap.", "Предлагайте и голосуйте: идеи с наибольшим числом голосов попадают в план."),
        WelcomeMeet => ("Meet at events: meetups, webinars and club evenings in your city.", "Встречайтесь на событиях: встречи, вебинары и вечера клубов в вашем городе."),

        CharterTitle => ("Community rules", "Правила сообщества"),
        NotFoundTitle => ("Page not found", "Страница не найдена"),
        NotFoundText => ("The page you are looking for does not exist or has moved.", "Такой страницы нет, или она переехала."),
        GoHome => ("Go to the home page", "На главную"),
        WhereNext => ("Where to go from here", "Куда перейти"),
        SearchCommunity => ("Search the community", "Поиск по сообществу"),
        AllThreads => ("All threads", "Все обсуждения"),
        AllIdeas => ("All ideas", "Все идеи"),
        AllEvents => ("All events", "Все события"),
        AllMembers => ("All members", "Все участники"),
        AllGroups => ("All groups", "Все группы"),
        AllArticles => ("The knowledge base", "База знаний"),

        RolePresident => ("President", "Президент"),
        RoleMentor => ("Mentor", "Наставник"),
        RolePartner => ("Partner", "Партнёр"),
        RoleHero => ("Hero", "Герой"),
        RoleCatalyst => ("Catalyst", "Катализатор"),
        RoleScout => ("Scout", "Скаут"),
        RoleSupporter => ("Supporter", "Сторонник"),
        RoleMember => ("Member", "Участник"),
        AccessStaff => ("Staff", "Команда"),
        AccessModerator => ("Moderator", "Модератор"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Common::ALL, &["E-mail"]);
    }
}
