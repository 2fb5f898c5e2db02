//! The community charter page and its editor.

crate::messages! {
    pub enum Charter {
        Intro => ("What we expect of each other here, and what each community role does. Joining means accepting these rules.", "Чего мы ждём друг от друга и чем занимается каждая роль в сообществе. Вступая, вы принимаете эти правила."),
        RolesHeading => ("Roles in the community", "Роли в сообществе"),
        LastChanged => ("Last changed", "Последнее изменение"),
        Empty => ("The rules have not been written yet.", "Правила ещё не написаны."),
        Join => ("Join the community", "Вступить в сообщество"),
        Edit => ("Edit the rules", "Изменить правила"),
        EditTitle => ("Edit the community rules", "Изменение правил сообщества"),
        EditIntro => ("Write the rules in both languages; a reader whose language is empty sees the other one. The draft is kept in this browser until you save.", "Напишите правила на обоих языках; читатель, для языка которого текста нет, увидит другой. Черновик хранится в этом браузере, пока вы не сохраните."),
        LanguageLabel => ("Language of the text", "Язык текста"),
        English => ("English", "Английский"),
        Russian => ("Russian", "Русский"),
        RulesLabel => ("Rules (markdown)", "Правила (markdown)"),
        DutiesHeading => ("What each role does", "Чем занимается каждая роль"),
        DutiesIntro => ("Leave a role's description empty to leave it out of the charter, and its name empty for the standard name.", "Оставьте описание пустым, чтобы не включать роль в устав, а название — чтобы оставить стандартное."),
        RoleNameEnglish => ("its name in English", "название на английском"),
        RoleNameRussian => ("its name in Russian", "название на русском"),
        Save => ("Save the rules", "Сохранить правила"),
        Saving => ("Saving…", "Сохраняем…"),
        Cancel => ("Cancel", "Отмена"),
        Saved => ("The rules are saved.", "Правила сохранены."),
        Stale => ("Someone changed the rules after you started editing. Your text is kept: copy what you need, reload the current rules and make your change again.", "Кто-то изменил правила, пока вы редактировали. Ваш текст сохранён: скопируйте нужное, загрузите текущие правила и внесите изменения снова."),
        LoadCurrent => ("Load the current rules", "Загрузить текущие правила"),
        OtherLanguageErrors => ("The other language has errors too.", "В тексте на другом языке тоже есть ошибки."),
    }
}

#[cfg(test)]
mod tests {
    use super::Charter;
    use crate::i18n::messages::assert_translated;

    #[test]
    fn every_text_is_translated() {
        assert_translated(Charter::ALL, &[]);
    }
}
