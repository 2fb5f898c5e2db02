//! The home page's lazy blocks (the hero's texts are in `common`: they are in the first load).

crate::messages! {
    pub enum Home {
        StatsTitle => ("The community in numbers", "Сообщество в цифрах"),
        StatMembers => ("Members", "Участников"),
        StatDays => ("Days together", "Дней вместе"),
        StatIdeas => ("Ideas", "Идей"),
        StatVotes => ("Votes", "Голосов"),
        StatImplemented => ("Implemented", "Реализовано"),
        AllIdeas => ("Ideas and the roadmap", "Идеи и план"),
        NewsTitle => ("Latest news", "Последние новости"),
        AllNews => ("All news", "Все новости"),
        NoNews => ("No announcements yet.", "Объявлений пока нет."),
        DiscussedTitle => ("Most discussed this week", "Обсуждают на этой неделе"),
        AllDiscussions => ("All discussions", "Все обсуждения"),
        NoDiscussions => ("No discussions yet.", "Обсуждений пока нет."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Home::ALL, &[]);
    }
}
