//! The knowledge base: its index, articles, the staff's editor, and its links from threads and
//! events.

crate::messages! {
    pub enum Kb {
        Title => ("Knowledge base", "База знаний"),
        Intro => ("Guides and answers from the team and the community's mentors.", "Руководства и ответы от команды и наставников сообщества."),
        Empty => ("The knowledge base is empty so far.", "В базе знаний пока ничего нет."),
        SectionEmpty => ("No articles in this section yet.", "В этом разделе пока нет статей."),
        Updated => ("Updated", "Обновлено"),
        OnlyFor => ("Only for", "Только для группы"),

        NewArticle => ("New article", "Новая статья"),
        NewSection => ("New section", "Новый раздел"),
        EditSection => ("Edit the section", "Изменить раздел"),
        DeleteSection => ("Delete the section", "Удалить раздел"),
        DeleteSectionQuestion => ("Delete this section?", "Удалить этот раздел?"),
        SectionNotEmpty => ("The section still has articles: move or delete them first.", "В разделе ещё есть статьи: сначала перенесите или удалите их."),
        AddArticleHere => ("Add an article here", "Добавить статью сюда"),
        MoveUp => ("Move up", "Поднять"),
        MoveDown => ("Move down", "Опустить"),
        SectionsChanged => ("The sections changed meanwhile; here they are as they are now.", "Разделы успели измениться; вот они в нынешнем виде."),
        SectionTitle => ("Section title", "Название раздела"),
        SectionDescription => ("Description (optional)", "Описание (необязательно)"),
        AddSection => ("Add the section", "Добавить раздел"),
        SaveSection => ("Save the section", "Сохранить раздел"),
        Cancel => ("Cancel", "Отмена"),
        ConfirmDelete => ("Yes, delete", "Да, удалить"),
        KeepIt => ("Keep it", "Оставить"),

        Breadcrumbs => ("Where this article is", "Где находится статья"),
        WrittenBy => ("Written by", "Автор:"),
        Published => ("Published", "Опубликовано"),
        FromEvent => ("From the event", "По материалам события"),
        DiscussedIn => ("Discussed in", "Обсуждается в темах"),
        EditArticle => ("Edit the article", "Изменить статью"),
        DeleteArticle => ("Delete the article", "Удалить статью"),
        DeleteArticleQuestion => ("Delete this article? Threads that link to it will no longer show it.", "Удалить эту статью? Темы, которые на неё ссылаются, перестанут её показывать."),

        NewArticleTitle => ("New article", "Новая статья"),
        EditArticleTitle => ("Edit the article", "Изменение статьи"),
        FromReportOf => ("Made from the report of the event", "Создаётся из отчёта о событии"),
        SectionLabel => ("Section", "Раздел"),
        ChooseSection => ("Choose a section", "Выберите раздел"),
        TitleLabel => ("Title", "Заголовок"),
        BodyLabel => ("Text", "Текст"),
        DraftKept => ("Your draft is kept in this browser until you publish it.", "Черновик хранится в этом браузере, пока вы его не опубликуете."),
        Publish => ("Publish the article", "Опубликовать статью"),
        SaveChanges => ("Save the changes", "Сохранить изменения"),
        Saving => ("Saving…", "Сохраняем…"),
        Stale => ("Someone changed this article after you started editing. Your text is kept: copy what you need, load the current version and make your change again.", "Кто-то изменил статью, пока вы её редактировали. Ваш текст сохранён: скопируйте нужное, загрузите текущую версию и внесите изменения снова."),
        LoadCurrent => ("Load the current version", "Загрузить текущую версию"),

        FromKnowledgeBase => ("From the knowledge base", "Из базы знаний"),
        LinkArticle => ("Link an article", "Связать со статьёй"),
        ChooseArticle => ("Choose an article", "Выберите статью"),
        Link => ("Link", "Связать"),
        Unlink => ("Unlink", "Убрать связь"),
        ReadArticle => ("Read the article", "Читать статью"),
        MakeArticle => ("Make an article of the report", "Сделать из отчёта статью"),
    }
}

#[cfg(test)]
mod tests {
    use super::Kb;
    use crate::i18n::messages::assert_translated;

    #[test]
    fn every_text_is_translated() {
        assert_translated(Kb::ALL, &[]);
    }
}
