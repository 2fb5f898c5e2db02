//! A member's own data: the archive, deleting the account, and the staff's privacy page.

use veche_api::privacy::{DeletedContent, PrivacyAction};

crate::messages! {
    pub enum Privacy {
        DataTitle => ("Your data", "Ваши данные"),
        DataIntro => ("Download everything you gave the community — profile, threads, replies, ideas, votes, answers, event replies, groups and pictures — as one ZIP archive.", "Скачайте всё, что вы дали сообществу, — профиль, темы, ответы, идеи, голоса, ответы на опросы и события, группы и фотографии — одним ZIP-архивом."),
        DownloadArchive => ("Download your data (ZIP)", "Скачать мои данные (ZIP)"),
        DeleteLink => ("Delete your account", "Удалить учётную запись"),

        DeleteTitle => ("Delete your account", "Удаление учётной записи"),
        DeleteWarning => ("This cannot be undone. You are signed out everywhere at once; your name, e-mail address, profile, pictures, follows and group memberships are erased; your answers to events still to come are withdrawn, so your place goes to the next in line.", "Это нельзя отменить. Вы сразу выйдете на всех устройствах; ваши имя, адрес почты, профиль, фотографии, подписки и участие в группах будут стёрты; ваши ответы на будущие события будут отозваны, и место перейдёт следующему в очереди."),
        KeepConsequence => ("What you wrote stays: your threads, replies and ideas remain, signed “former member”, and your votes keep counting without your name.", "Написанное останется: ваши темы, ответы и идеи сохранятся с подписью «Бывший участник», а голоса будут учитываться без вашего имени."),
        RemoveConsequence => ("What you wrote goes: your threads, replies and ideas are deleted, and your votes, kudos and survey answers are withdrawn.", "Написанное будет удалено: ваши темы, ответы и идеи исчезнут, а голоса, благодарности и ответы на опросы будут отозваны."),
        TheirWarning => ("This cannot be undone. The member is signed out everywhere at once; their name, e-mail address, profile, pictures, follows and group memberships are erased; their answers to events still to come are withdrawn.", "Это нельзя отменить. Участник сразу выйдет на всех устройствах; его имя, адрес почты, профиль, фотографии, подписки и участие в группах будут стёрты; его ответы на будущие события будут отозваны."),
        TheirKeepConsequence => ("Their threads, replies and ideas stay, signed “former member”; their votes keep counting without their name.", "Их темы, ответы и идеи сохранятся с подписью «Бывший участник», голоса будут учитываться без имени."),
        TheirRemoveConsequence => ("Their threads, replies and ideas are deleted, and their votes, kudos and survey answers are withdrawn.", "Их темы, ответы и идеи будут удалены, а голоса, благодарности и ответы на опросы отозваны."),
        DownloadFirst => ("You may want to download your data first:", "Возможно, сначала стоит скачать свои данные:"),
        PasswordToConfirm => ("Your password, to confirm", "Ваш пароль для подтверждения"),
        NoPasswordHint => ("Sign in with your organisation's account and never set a password? Leave the password empty; a sign-in less than 10 minutes old confirms instead.", "Входите через учётную запись организации и не задавали пароль? Оставьте поле пустым: подтверждением служит вход не раньше чем 10 минут назад."),
        SignInAgainWith => ("Sign in again with", "Войти заново через"),
        DeleteForever => ("Delete my account for good", "Удалить учётную запись навсегда"),
        Deleting => ("Deleting…", "Удаляем…"),
        KeepAccount => ("Keep my account", "Оставить учётную запись"),

        DeletedTitle => ("Your account is deleted", "Учётная запись удалена"),
        DeletedText => ("Thank you for having been part of the community. You are signed out on every device.", "Спасибо, что были частью сообщества. Вы вышли на всех устройствах."),
        ToHome => ("Go to the home page", "На главную"),

        AdminTitle => ("Privacy", "Приватность"),
        AdminIntro => ("What becomes of the content of members who delete their account, members' requests for their data or to be deleted, and the log of every download and deletion.", "Что происходит с материалами удалившихся участников, запросы участников об их данных и удалении и журнал всех скачиваний и удалений."),
        AdminLink => ("Privacy: requests and log", "Приватность: запросы и журнал"),
        StaffOnly => ("This page is for staff.", "Эта страница — для команды сообщества."),
        SettingTitle => ("When a member deletes their account", "Когда участник удаляет учётную запись"),
        ChoiceKeep => ("Keep their threads, replies and ideas, signed “former member”", "Сохранять их темы, ответы и идеи с подписью «Бывший участник»"),
        ChoiceRemove => ("Remove their threads, replies, ideas, votes and answers", "Удалять их темы, ответы, идеи, голоса и ответы на опросы"),
        SaveSetting => ("Save the choice", "Сохранить выбор"),
        Saving => ("Saving…", "Сохраняем…"),
        SettingSaved => ("Saved. It applies to accounts deleted from now on.", "Сохранено. Действует для учётных записей, удалённых с этого момента."),

        RequestTitle => ("Act on a member's request", "Выполнить запрос участника"),
        RequestIntro => ("Find the member who asked. Their archive holds what they could download themselves; deleting needs your own password. Both are logged.", "Найдите участника, приславшего запрос. В архиве — то же, что он скачал бы сам; для удаления нужен ваш пароль. Оба действия попадают в журнал."),
        HandleLabel => ("The member's handle (as in @handle)", "Имя участника в адресе (как в @handle)"),
        Find => ("Find", "Найти"),
        Finding => ("Finding…", "Ищем…"),
        NoSuchMember => ("No member has this handle.", "Участника с таким именем нет."),
        DownloadTheirData => ("Download their data (ZIP)", "Скачать их данные (ZIP)"),
        DeleteTheirAccount => ("Delete their account", "Удалить их учётную запись"),
        YourPassword => ("Your own password", "Ваш собственный пароль"),
        NoteLabel => ("How the request came (kept in the log)", "Как пришёл запрос (сохраняется в журнале)"),
        MemberDeleted => ("The account is deleted.", "Учётная запись удалена."),
        StaffCannotBeDeleted => ("A staff member's account is deleted from their own account page.", "Учётную запись члена команды можно удалить только с её собственной страницы."),

        LogTitle => ("Log of downloads and deletions", "Журнал скачиваний и удалений"),
        LogEmpty => ("No data has been downloaded or deleted yet.", "Данные ещё никто не скачивал и не удалял."),
        ActionExport => ("Data downloaded", "Данные скачаны"),
        ActionDelete => ("Account deleted", "Учётная запись удалена"),
        ActionOther => ("Other action", "Другое действие"),
        Member => ("Member", "Участник"),
        By => ("By", "Кто"),
        OnRequest => ("on the member's request", "по запросу участника"),
        ByThemselves => ("by the member themselves", "самим участником"),
        LoadMore => ("Load more", "Показать ещё"),
        ProfileAction => ("Data request (staff)", "Запрос о данных (команда)"),
    }
}

/// The log's word for an action.
pub fn action(action: PrivacyAction) -> Privacy {
    match action {
        PrivacyAction::Export => Privacy::ActionExport,
        PrivacyAction::Delete => Privacy::ActionDelete,
        PrivacyAction::Unknown => Privacy::ActionOther,
    }
}

/// What a deletion does to the content under the community's choice, said to the member
/// (`own`) or to staff deleting someone's account (an unknown choice is described as the one
/// that loses the most, so nobody is surprised).
pub fn consequence(choice: DeletedContent, own: bool) -> Privacy {
    match (choice, own) {
        (DeletedContent::Keep, true) => Privacy::KeepConsequence,
        (DeletedContent::Keep, false) => Privacy::TheirKeepConsequence,
        (DeletedContent::Remove | DeletedContent::Unknown, true) => Privacy::RemoveConsequence,
        (DeletedContent::Remove | DeletedContent::Unknown, false) => Privacy::TheirRemoveConsequence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated() {
        crate::i18n::messages::assert_translated(Privacy::ALL, &["ZIP"]);
    }

    #[test]
    fn an_unknown_choice_is_described_as_removal() {
        assert_eq!(consequence(DeletedContent::Unknown, true), Privacy::RemoveConsequence);
        assert_eq!(consequence(DeletedContent::Unknown, false), Privacy::TheirRemoveConsequence);
        assert_eq!(consequence(DeletedContent::Keep, false), Privacy::TheirKeepConsequence);
        assert_eq!(action(PrivacyAction::Unknown), Privacy::ActionOther);
    }
}
