//! The search page.

crate::messages! {
    pub enum Search {
        Title => ("Search", "Поиск"),
        Label => ("Search threads, ideas, events, members and articles", "Искать в темах, идеях, мероприятиях, участниках и статьях"),
        Submit => ("Search", "Найти"),
        FilterLabel => ("Show", "Показать"),
        All => ("Everything", "Всё"),
        Threads => ("Threads", "Темы"),
        Ideas => ("Ideas", "Идеи"),
        Events => ("Events", "Мероприятия"),
        Members => ("Members", "Участники"),
        Articles => ("Articles", "Статьи"),
        Results => ("Results", "Результаты"),
        Empty => ("Nothing found. Try another word or look in every kind.", "Ничего не найдено. Попробуйте другое слово или ищите везде."),
        Prompt => ("Type at least two characters and press Search.", "Введите хотя бы два символа и нажмите «Найти»."),
        KindThread => ("Thread", "Тема"),
        KindIdea => ("Idea", "Идея"),
        KindEvent => ("Event", "Мероприятие"),
        KindMember => ("Member", "Участник"),
        KindArticle => ("Article", "Статья"),
        KindOther => ("Result", "Результат"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated() {
        crate::i18n::messages::assert_translated(Search::ALL, &[]);
    }
}
