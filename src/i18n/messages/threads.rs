//! Discussion threads.

use veche_api::Locale;

use crate::i18n::format::number;

crate::messages! {
    pub enum Threads {
        Title => ("Threads", "Обсуждения"),
        Intro => ("Ask questions, share answers, and talk with other customers and the team.", "Задавайте вопросы, делитесь ответами, общайтесь с другими клиентами и командой."),
        NewThread => ("New thread", "Новая тема"),
        Spaces => ("Spaces", "Разделы"),
        SpaceLabel => ("Space", "Раздел"),
        AllSpaces => ("All spaces", "Все разделы"),
        SortLabel => ("Order", "Порядок"),
        SortActivity => ("Latest activity", "Последняя активность"),
        SortNewest => ("Newest", "Новые"),
        SortDiscussed => ("Most discussed", "Самые обсуждаемые"),
        SortUnanswered => ("Unanswered", "Без ответа"),
        LoadMore => ("Load more", "Показать ещё"),
        NoThreads => ("No threads here yet. Start the first one!", "Здесь пока нет тем. Начните первую!"),
        Solved => ("Solved", "Решено"),
        Pinned => ("Pinned", "Закреплено"),
        Locked => ("Locked", "Закрыто"),
        LastActivity => ("Last activity", "Последняя активность"),
        Replies => ("Replies", "Ответы"),
        NoReplies => ("No replies yet. Be the first to answer.", "Ответов пока нет. Ответьте первым."),
        AcceptedAnswer => ("Accepted answer", "Принятый ответ"),
        GoToAnswer => ("Go to the answer in the thread", "Перейти к ответу в теме"),
        AcceptAnswer => ("Accept as answer", "Отметить как ответ"),
        UnacceptAnswer => ("Remove answer mark", "Снять отметку ответа"),
        Quote => ("Quote", "Цитировать"),
        Edit => ("Edit", "Изменить"),
        Delete => ("Delete", "Удалить"),
        ConfirmDelete => ("Delete this post? Its text will be removed for everyone.", "Удалить это сообщение? Его текст исчезнет для всех."),
        Deleted => ("This post was deleted.", "Это сообщение удалено."),
        Edited => ("edited", "изменено"),
        GiveKudos => ("Give kudos", "Поблагодарить"),
        TakeKudos => ("Take back kudos", "Отменить благодарность"),
        KudosLabel => ("Kudos", "Благодарности"),
        KudosRefused => ("Your kudos could not be saved; the count is back to what it was.", "Благодарность не сохранилась, счётчик вернулся к прежнему значению."),
        Share => ("Share", "Поделиться"),
        CopyLink => ("Copy link", "Скопировать ссылку"),
        LinkCopied => ("Link copied.", "Ссылка скопирована."),
        ShareX => ("Share on X", "Поделиться в X"),
        ShareVk => ("Share on VKontakte", "Поделиться во ВКонтакте"),
        ShareOk => ("Share on Odnoklassniki", "Поделиться в Одноклассниках"),
        ShareLinkedIn => ("Share on LinkedIn", "Поделиться в LinkedIn"),
        Pin => ("Pin", "Закрепить"),
        Unpin => ("Unpin", "Открепить"),
        Lock => ("Lock", "Закрыть тему"),
        Unlock => ("Unlock", "Открыть тему"),
        LockedNotice => ("This thread is locked by a moderator: it takes no new replies.", "Модератор закрыл тему: новые ответы не принимаются."),
        SignInToReply => ("Sign in to reply", "Войдите, чтобы ответить"),
        EarlierReplies => ("Earlier replies", "Предыдущие ответы"),
        LaterReplies => ("Later replies", "Следующие ответы"),
        FirstReplies => ("First replies", "Первые ответы"),
        LatestReplies => ("Latest replies", "Последние ответы"),
        RepliesNavigation => ("Pages of replies", "Страницы ответов"),
        YourReply => ("Your reply", "Ваш ответ"),
        PostReply => ("Post reply", "Ответить"),
        Write => ("Write", "Текст"),
        Preview => ("Preview", "Просмотр"),
        NothingToPreview => ("Nothing to preview yet.", "Пока нечего показывать."),
        MarkdownHint => ("Markdown works: **bold**, *italic*, [link](https://…), > quote, `code`.", "Работает Markdown: **жирный**, *курсив*, [ссылка](https://…), > цитата, `код`."),
        DraftKept => ("Your draft is kept in this browser until it is posted.", "Черновик хранится в этом браузере, пока не будет опубликован."),
        Sending => ("Sending…", "Отправляем…"),
        WaitingForConnection => ("Waiting for connection… it will be sent automatically, exactly once.", "Ждём соединения… отправим автоматически, один раз."),
        NotSent => ("Not sent:", "Не отправлено:"),
        EditAgain => ("Edit and try again", "Изменить и отправить снова"),
        Discard => ("Discard", "Удалить"),
        Save => ("Save", "Сохранить"),
        Cancel => ("Cancel", "Отмена"),
        Quoting => ("Quoting", "Цитата:"),
        RemoveQuote => ("Remove quote", "Убрать цитату"),
        Reputation => ("reputation", "репутация"),
        In => ("in", "в разделе"),
        NewThreadTitle => ("Start a thread", "Новая тема"),
        TitleLabel => ("Title", "Заголовок"),
        TitleHint => ("A clear, specific title gets answered faster.", "Понятный и конкретный заголовок быстрее находит ответ."),
        BodyLabel => ("Text", "Текст"),
        Publish => ("Publish", "Опубликовать"),
        ChooseSpace => ("Choose a space", "Выберите раздел"),
        SpacePostsOffered => ("Only the spaces where you can start a thread are listed.", "Показаны только разделы, где вы можете начать обсуждение."),
        OutboxWaiting => ("waiting to be sent", "ожидает отправки"),
        PostedBy => ("Posted by", "Автор:"),
        ByStaff => ("From the team", "От команды"),
        JumpedToReply => ("Showing the page with the linked reply.", "Показана страница со ссылкой на ответ."),
    }
}

/// "3 replies" / "3 ответа".
pub fn replies(locale: Locale, n: i64) -> String {
    let n = n.max(0) as u64;
    let word = match locale {
        Locale::En => locale.pick(n, ["reply", "replies", "replies"]),
        Locale::Ru => locale.pick(n, ["ответ", "ответа", "ответов"]),
    };
    format!("{} {word}", number(n as i64, locale))
}

/// "12 threads" / "12 тем".
pub fn threads(locale: Locale, n: i64) -> String {
    let n = n.max(0) as u64;
    let word = match locale {
        Locale::En => locale.pick(n, ["thread", "threads", "threads"]),
        Locale::Ru => locale.pick(n, ["тема", "темы", "тем"]),
    };
    format!("{} {word}", number(n as i64, locale))
}

/// "Replies 51–100 of 1,200".
pub fn reply_range(locale: Locale, first: i64, last: i64, total: i64) -> String {
    let (first, last, total) = (number(first, locale), number(last, locale), number(total, locale));
    match locale {
        Locale::En => format!("Replies {first}–{last} of {total}"),
        Locale::Ru => format!("Ответы {first}–{last} из {total}"),
    }
}

/// Why a space asked for is not offered on the new-thread form: "“News” is not in the list:
/// only staff start threads there; reply to an announcement instead."
pub fn closed_space_text(locale: Locale, space: &veche_api::threads::Space) -> String {
    let name = &space.name;
    match (locale, space.news) {
        (Locale::En, true) => {
            format!("“{name}” is not in the list: only staff start threads there; reply to an announcement instead.")
        }
        (Locale::En, false) => {
            format!("“{name}” is not in the list: it belongs to a group; join the group to post there.")
        }
        (Locale::Ru, true) => {
            format!(
                "Раздела «{name}» нет в списке: обсуждения там начинает только команда сообщества; ответьте на объявление."
            )
        }
        (Locale::Ru, false) => {
            format!("Раздела «{name}» нет в списке: он принадлежит группе; вступите в неё, чтобы писать там.")
        }
    }
}

/// "2 waiting to be sent".
pub fn outbox_waiting(locale: Locale, n: usize) -> String {
    format!("{n} {}", crate::i18n::Text::text(Threads::OutboxWaiting, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Threads::ALL, &[]);
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(replies(Locale::Ru, 1), "1 ответ");
        assert_eq!(replies(Locale::Ru, 3), "3 ответа");
        assert_eq!(replies(Locale::Ru, 11), "11 ответов");
        assert_eq!(replies(Locale::En, 1), "1 reply");
        assert_eq!(threads(Locale::Ru, 22), "22 темы");
        assert_eq!(threads(Locale::En, 0), "0 threads");
        assert_eq!(replies(Locale::En, 1200), "1,200 replies");
    }

    #[test]
    fn a_space_not_offered_says_why() {
        let news: veche_api::threads::Space = serde_json::from_str(
            r#"{"id":"5","slug":"news","name":"Новости","description":"","thread_count":0,"reply_count":0,"news":true}"#,
        )
        .expect("a space");
        assert!(closed_space_text(Locale::Ru, &news).starts_with("Раздела «Новости» нет в списке"));
        assert!(closed_space_text(Locale::En, &news).contains("only staff start threads"));
    }
}
