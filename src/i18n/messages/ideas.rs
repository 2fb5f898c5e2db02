//! The idea board.

use veche_api::Locale;
use veche_api::ideas::IdeaStatus;

use super::counted;
use crate::i18n::format::number;

crate::messages! {
    pub enum Ideas {
        Title => ("Ideas", "Идеи"),
        TopIdeas => ("Top ideas", "Лучшие идеи"),
        AllIdeas => ("All ideas", "Все идеи"),
        Intro => ("Propose improvements, vote for the ones you need, and see what the team does with them.", "Предлагайте улучшения, голосуйте за нужные и следите, что с ними делает команда."),
        Propose => ("Propose an idea", "Предложить идею"),
        Roadmap => ("Roadmap", "Дорожная карта"),
        Ballots => ("Ballots", "Голосования"),
        StatusLabel => ("Status", "Статус"),
        AnyStatus => ("Any status", "Любой статус"),
        CategoryLabel => ("Category", "Категория"),
        AnyCategory => ("All categories", "Все категории"),
        MyVotes => ("Only ideas I voted for", "Только с моим голосом"),
        Search => ("Search ideas", "Поиск по идеям"),
        SortTop => ("Top", "Популярные"),
        SortTrending => ("Trending", "Набирают голоса"),
        SortNewest => ("Newest", "Новые"),
        SortDiscussed => ("Most discussed", "Обсуждаемые"),
        SortLabel => ("Order", "Порядок"),
        NoIdeas => ("No ideas match. Propose the first one!", "Подходящих идей нет. Предложите первую!"),
        LoadMore => ("Load more", "Показать ещё"),
        CounterIdeas => ("ideas proposed", "идей предложено"),
        CounterVotes => ("votes cast", "голосов отдано"),
        CounterImplemented => ("ideas implemented", "идей реализовано"),
        Vote => ("Vote", "Голосовать"),
        Voted => ("Voted", "Ваш голос"),
        VoteFor => ("Vote for this idea", "Голосовать за идею"),
        TakeBack => ("Voted: take your vote back", "Ваш голос: забрать его"),
        Unlimited => ("Unlimited votes", "Голоса без ограничений"),
        NoVotesLeft => ("You have no votes left: take one back, or wait until an idea you voted for is implemented, declined or merged — its vote comes back to you.", "Голоса закончились: заберите один или дождитесь, когда идея с вашим голосом будет реализована, отклонена или объединена с другой, — голос вернётся."),
        VotesComeBack => ("A vote comes back to you when an idea you voted for is implemented, declined or merged, or when you take it back.", "Голос возвращается, когда идею, за которую вы голосовали, реализуют, отклоняют или объединяют с другой, или когда вы его забираете."),
        NoVotesLeftShort => ("No votes left", "Голосов не осталось"),
        VoteRefused => ("Your vote was not counted:", "Голос не учтён:"),
        VotingClosed => ("Voting has ended for this idea.", "Голосование по этой идее завершено."),
        VotePending => ("Your vote will be counted when the connection is back.", "Голос будет учтён, когда появится связь."),
        SignInToVote => ("Sign in to vote", "Войдите, чтобы голосовать"),
        Comments => ("Comments", "Комментарии"),
        History => ("Status history", "История статусов"),
        OfficialAnswer => ("Official answer", "Официальный ответ"),
        MergedInto => ("This idea was merged into", "Эта идея объединена с"),
        Duplicates => ("Merged into this idea", "Объединены с этой идеей"),
        Related => ("Related ideas", "Похожие идеи"),
        Voters => ("Voters", "Проголосовали"),
        VotersHidden => ("Some voters keep their votes private.", "Некоторые участники не показывают свои голоса."),
        Manage => ("Manage this idea", "Управление идеей"),
        NewStatus => ("New status", "Новый статус"),
        AnswerLabel => ("Official answer", "Официальный ответ"),
        ChangeStatus => ("Change status", "Сменить статус"),
        MergeTitle => ("Merge as a duplicate", "Объединить как дубликат"),
        MergeLabel => ("The idea to merge into", "Идея, с которой объединить"),
        MergeHint => ("Its number (shown on its page) or a link to it. Votes move there; each voter counts once.", "Её номер (указан на её странице) или ссылка на неё. Голоса перейдут туда; каждый участник учитывается один раз."),
        MergeAnswerLabel => ("Note for the voters (optional)", "Пояснение для проголосовавших (необязательно)"),
        MergedKeepsStatus => ("This idea was merged: manage the idea it was merged into.", "Эта идея объединена с другой: управляйте той идеей."),
        AnswerHint => ("Shown in the idea's history; everyone who voted is notified.", "Появится в истории идеи; все проголосовавшие получат уведомление."),
        IdeaNumber => ("Idea no.", "Идея №"),
        NoVotesYet => ("No votes yet.", "Голосов пока нет."),
        Merge => ("Merge", "Объединить"),
        NewIdeaTitle => ("Propose an idea", "Новая идея"),
        TitleLabel => ("Title", "Название"),
        TitleHint => ("One improvement per idea, in a few words.", "Одно улучшение на идею, в нескольких словах."),
        DescriptionLabel => ("Description", "Описание"),
        SimilarIdeas => ("Similar ideas already exist — maybe vote for one of them?", "Похожие идеи уже есть — может быть, проголосуете за одну из них?"),
        Submit => ("Propose", "Предложить"),
        ChooseCategory => ("Choose a category", "Выберите категорию"),
        Planned => ("Planned", "Запланировано"),
        InProgress => ("In progress", "В работе"),
        Implemented => ("Implemented", "Реализовано"),
        RoadmapIntro => ("What the team plans, builds and has delivered from your ideas.", "Что команда планирует, делает и уже сделала по вашим идеям."),
        EmptyColumn => ("Nothing here yet.", "Пока пусто."),
        BallotsIntro => ("Spread your points over the improvements you want most. Results are shown when a ballot closes.", "Распределите баллы между улучшениями, которые нужнее всего. Итоги видны после закрытия голосования."),
        BallotOpen => ("Open", "Идёт"),
        BallotClosed => ("Closed", "Завершено"),
        BallotUpcoming => ("Upcoming", "Скоро"),
        PointsLeft => ("Points left", "Осталось баллов"),
        SavePoints => ("Save my points", "Сохранить баллы"),
        PointsSaved => ("Your points are saved.", "Баллы сохранены."),
        Results => ("Results", "Итоги"),
        ResultsLater => ("Results are shown when the ballot closes.", "Итоги появятся после закрытия голосования."),
        Closes => ("Closes", "Завершается"),
        Closed => ("Closed", "Завершено"),
        Opens => ("Opens", "Начинается"),
        SignInToAllocate => ("Sign in to take part", "Войдите, чтобы участвовать"),
        NewBallot => ("New ballot", "Новое голосование"),
        BallotTitleLabel => ("Question", "Вопрос"),
        BallotDescriptionLabel => ("What it is about (optional)", "О чём голосование (необязательно)"),
        BallotPointsLabel => ("Points each member spreads", "Баллов у каждого участника"),
        BallotItemsLabel => ("Candidate improvements", "Варианты улучшений"),
        BallotItemsHint => ("One per line, 2 to 30.", "По одному в строке, от 2 до 30."),
        PublishBallot => ("Publish the ballot", "Опубликовать голосование"),
        YourPoints => ("Your points", "Ваши баллы"),
        TooManyPoints => ("That is more points than you have: take some off another item.", "Это больше баллов, чем у вас есть: снимите часть с другого пункта."),
        NotOpenYet => ("The ballot has not opened yet: points can be given once it opens.", "Голосование ещё не началось: баллы можно будет распределить после открытия."),
        ManageBallot => ("Manage this ballot", "Управление голосованием"),
        CloseBallot => ("Close the ballot now", "Завершить голосование сейчас"),
        CloseBallotWarning => ("Members will no longer be able to change their points, and everyone will see the results.", "Участники больше не смогут менять баллы, а итоги увидят все."),
        CloseBallotConfirm => ("Yes, close it now", "Да, завершить сейчас"),
        StatusNew => ("New", "Новая"),
        StatusUnderReview => ("Under review", "На рассмотрении"),
        StatusPlanned => ("Planned", "Запланирована"),
        StatusInProgress => ("In progress", "В работе"),
        StatusImplemented => ("Implemented", "Реализована"),
        StatusDeclined => ("Declined", "Отклонена"),
        StatusDuplicate => ("Duplicate", "Дубликат"),
        StatusUnknown => ("Other", "Другое"),
    }
}

pub fn status_text(status: IdeaStatus) -> Ideas {
    match status {
        IdeaStatus::New => Ideas::StatusNew,
        IdeaStatus::UnderReview => Ideas::StatusUnderReview,
        IdeaStatus::Planned => Ideas::StatusPlanned,
        IdeaStatus::InProgress => Ideas::StatusInProgress,
        IdeaStatus::Implemented => Ideas::StatusImplemented,
        IdeaStatus::Declined => Ideas::StatusDeclined,
        IdeaStatus::Duplicate => Ideas::StatusDuplicate,
        IdeaStatus::Unknown => Ideas::StatusUnknown,
    }
}

/// "3 votes left" / "осталось 3 голоса".
pub fn votes_left(locale: Locale, n: i64) -> String {
    let n = n.max(0);
    match locale {
        Locale::En => format!("{} {} left", number(n, locale), locale.pick(n as u64, ["vote", "votes", "votes"])),
        Locale::Ru => {
            let left = locale.pick(n as u64, ["остался", "осталось", "осталось"]);
            format!("{left} {} {}", number(n, locale), locale.pick(n as u64, ["голос", "голоса", "голосов"]))
        }
    }
}

/// "12 votes" / "12 голосов".
pub fn votes(locale: Locale, n: i64) -> String {
    counted(locale, n, ["vote", "votes", "votes"], ["голос", "голоса", "голосов"])
}

/// "4 comments" / "4 комментария".
pub fn comments(locale: Locale, n: i64) -> String {
    counted(locale, n, ["comment", "comments", "comments"], ["комментарий", "комментария", "комментариев"])
}

/// "1 point" / "5 баллов".
pub fn points(locale: Locale, n: i64) -> String {
    counted(locale, n, ["point", "points", "points"], ["балл", "балла", "баллов"])
}

/// "1 participant" / "5 участников".
pub fn participants(locale: Locale, n: i64) -> String {
    counted(locale, n, ["participant", "participants", "participants"], ["участник", "участника", "участников"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Ideas::ALL, &[]);
    }

    #[test]
    fn vote_counts_read_naturally() {
        assert_eq!(votes_left(Locale::En, 1), "1 vote left");
        assert_eq!(votes_left(Locale::En, 0), "0 votes left");
        assert_eq!(votes_left(Locale::Ru, 1), "остался 1 голос");
        assert_eq!(votes_left(Locale::Ru, 3), "осталось 3 голоса");
        assert_eq!(votes_left(Locale::Ru, 10), "осталось 10 голосов");
        assert_eq!(votes(Locale::Ru, 21), "21 голос");
        assert_eq!(comments(Locale::Ru, 2), "2 комментария");
        assert_eq!(participants(Locale::En, 1), "1 participant");
        assert_eq!(participants(Locale::Ru, 22), "22 участника");
    }
}
