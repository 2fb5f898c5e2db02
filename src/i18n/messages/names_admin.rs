//! `/admin/names`: staff name spaces and idea categories in each language.

crate::messages! {
    pub enum NamesAdmin {
        Title => ("Names in each language", "Названия на каждом языке"),
        Intro => ("Spaces and idea categories have a name and a description in English and in Russian. Readers see their language's words, or the English ones where the Russian are left empty.", "У разделов и категорий идей есть название и описание на английском и на русском. Читатели видят слова на своём языке, а если русские не заполнены — английские."),
        Choose => ("What to name", "Что назвать"),
        SpacePrefix => ("Space", "Раздел"),
        CategoryPrefix => ("Idea category", "Категория идей"),
        EnglishName => ("Name in English", "Название на английском"),
        EnglishDescription => ("Description in English", "Описание на английском"),
        RussianName => ("Name in Russian", "Название на русском"),
        RussianDescription => ("Description in Russian", "Описание на русском"),
        RussianHint => ("Leave empty to show the English words to Russian readers.", "Оставьте пустым, чтобы русскоязычные читатели видели английские слова."),
        Save => ("Save", "Сохранить"),
        Saving => ("Saving…", "Сохраняем…"),
        Saved => ("Saved. Readers see the new words on their next page.", "Сохранено. Читатели увидят новые слова на следующей странице."),
    }
}
