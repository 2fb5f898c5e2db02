//! The staff's community settings (`/admin/settings`), invitations and the approval queue
//! (`/admin/joining`), and what joining under each policy says to the person joining.

crate::messages! {
    pub enum Settings {
        Title => ("Community settings", "Настройки сообщества"),
        Intro => ("What everyone sees changes as soon as you save: no rebuild, no restart.", "Изменения видны всем сразу после сохранения — без пересборки и перезапуска."),
        IdentityHeading => ("Name and look", "Название и оформление"),
        NameLabel => ("Community name", "Название сообщества"),
        DescriptionLabel => ("Description", "Описание"),
        AccentLabel => ("Accent colour", "Акцентный цвет"),
        AccentHint => ("Buttons and links. White text goes on it, so it must be dark enough (contrast at least 4.5:1).", "Кнопки и ссылки. На нём пишется белый текст, поэтому цвет должен быть достаточно тёмным (контраст не меньше 4,5:1)."),
        AccentHexLabel => ("Pick the accent colour", "Выбрать акцентный цвет"),
        AccentDefault => ("Use Veche's colour", "Цвет Veche по умолчанию"),
        AccentPreview => ("Button preview", "Так будет выглядеть кнопка"),
        LogoHeading => ("Logo", "Логотип"),
        LogoHint => ("PNG, JPEG, GIF or WebP, up to 5 MB. It is resized to fit 256 × 256 pixels and shown beside the name in the header.", "PNG, JPEG, GIF или WebP, до 5 МБ. Логотип уменьшается до 256 × 256 пикселей и показывается рядом с названием в шапке."),
        ChooseLogo => ("Choose a logo", "Выбрать логотип"),
        RemoveLogo => ("Remove the logo", "Удалить логотип"),
        LogoSaved => ("The logo is saved.", "Логотип сохранён."),
        LogoRemoved => ("The logo is removed.", "Логотип удалён."),
        CurrentLogo => ("Current logo", "Текущий логотип"),
        NoLogo => ("No logo yet: the header shows the name alone.", "Логотипа пока нет: в шапке показывается только название."),
        RegionHeading => ("Language, time and date", "Язык, время и дата"),
        DefaultLanguageLabel => ("Default language", "Язык по умолчанию"),
        DefaultLanguageHint => ("The community's main language: invitations are written in it unless you choose another.", "Основной язык сообщества: на нём пишутся приглашения, если не выбран другой."),
        TimeZoneLabel => ("Time zone", "Часовой пояс"),
        TimeZoneHint => ("An IANA name, like Europe/Moscow or UTC. The community's days are counted in it.", "Название по IANA, например Europe/Moscow или UTC. По нему считаются дни сообщества."),
        FoundedLabel => ("Founding date", "Дата основания"),
        AreasHeading => ("Areas that are on", "Включённые разделы"),
        AreasHint => ("An area that is off disappears from the menu.", "Выключенный раздел пропадает из меню."),
        AreaThreads => ("Discussions", "Обсуждения"),
        AreaIdeas => ("Ideas", "Идеи"),
        AreaEvents => ("Events", "События"),
        AreaMembers => ("Members", "Участники"),
        AreaSurveys => ("Surveys", "Опросы"),
        AreaGroups => ("Groups", "Группы"),
        JoiningHeading => ("Who may join", "Кто может вступить"),
        PolicyAnyone => ("Anyone", "Любой желающий"),
        PolicyInvitation => ("By invitation only", "Только по приглашению"),
        PolicyApproval => ("Anyone may ask; staff approve each registration", "Любой может подать заявку, команда одобряет каждую"),
        PolicyDomains => ("Only addresses of listed e-mail domains", "Только адреса из указанных почтовых доменов"),
        DomainsLabel => ("Allowed e-mail domains", "Разрешённые почтовые домены"),
        DomainsHint => ("One per line, like example.com.", "По одному в строке, например example.com."),
        ConfirmationRequired => ("Members must confirm their e-mail address before posting", "Участники должны подтвердить адрес почты, прежде чем писать"),
        JoiningLink => ("Invitations and registrations waiting for approval", "Приглашения и заявки на вступление"),
        Save => ("Save settings", "Сохранить настройки"),
        Saving => ("Saving…", "Сохраняем…"),
        Saved => ("Saved. Everyone sees the new settings now.", "Сохранено. Все уже видят новые настройки."),

        JoiningTitle => ("Invitations and approvals", "Приглашения и заявки"),
        InviteHeading => ("Invite someone", "Пригласить"),
        InviteIntro => ("They get a mail with a link that works once, for 7 days, with that address, whoever may join otherwise.", "Человек получит письмо со ссылкой: она срабатывает один раз, действует 7 дней и только с этим адресом — даже если вступление закрыто."),
        InviteEmailLabel => ("E-mail address", "Адрес почты"),
        InviteLanguageLabel => ("Language of the mail", "Язык письма"),
        SendInvitation => ("Send the invitation", "Отправить приглашение"),
        InvitationSent => ("The invitation is on its way to", "Приглашение отправлено на адрес"),
        QueueHeading => ("Registrations waiting for approval", "Заявки на вступление"),
        QueueEmpty => ("No registration is waiting.", "Новых заявок нет."),
        Approve => ("Approve", "Одобрить"),
        Decline => ("Decline", "Отклонить"),
        Approved => ("Approved; a welcome mail is on its way to", "Одобрено; приветственное письмо отправлено на адрес"),
        Declined => ("Declined; a mail says so to", "Отклонено; письмо об этом отправлено на адрес"),
        AskedOn => ("Asked", "Заявка от"),
        ApproveLabel => ("Approve the registration of", "Одобрить заявку от"),
        DeclineLabel => ("Decline the registration of", "Отклонить заявку от"),

        RegisterInvited => ("You were invited. Join with the address the invitation came to.", "Вас пригласили. Вступите с адресом, на который пришло приглашение."),
        RegisterApprovalNote => ("Staff look at each registration before you can sign in. You get an e-mail either way.", "Команда рассматривает каждую заявку, прежде чем можно будет войти. Вы получите письмо в любом случае."),
        RegisterDomainsNote => ("Only addresses of these domains can join:", "Вступить можно только с адресами на этих доменах:"),
        PendingTitle => ("Thank you! Your registration waits for approval", "Спасибо! Ваша заявка ждёт одобрения"),
        PendingText => ("Staff will look at it soon. You get an e-mail when they decide; until then you cannot sign in.", "Команда скоро её рассмотрит. Когда решение будет принято, вы получите письмо; до этого войти нельзя."),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_is_translated() {
        super::super::assert_translated(super::Settings::ALL, &[]);
    }
}
