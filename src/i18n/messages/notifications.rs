//! The bell and the notifications page.

use veche_api::Locale;
use veche_api::notifications::NotificationKind;

crate::messages! {
    pub enum Notifications {
        Title => ("Notifications", "Уведомления"),
        FilterLabel => ("Show", "Показать"),
        All => ("All", "Все"),
        UnreadOnly => ("Unread", "Непрочитанные"),
        MarkAllRead => ("Mark all as read", "Отметить все как прочитанные"),
        AllMarkedRead => ("All notifications are marked as read.", "Все уведомления отмечены как прочитанные."),
        Unread => ("Unread", "Не прочитано"),
        Empty => ("No notifications yet. When someone replies to your thread, mentions you, or an idea or event you follow changes, you will see it here.", "Уведомлений пока нет. Здесь появится ответ в вашей теме, упоминание или изменение идеи или мероприятия, за которыми вы следите."),
        EmptyUnread => ("Nothing unread: you are all caught up.", "Непрочитанных нет: вы всё посмотрели."),
        LoadMore => ("Load more", "Показать ещё"),
        Today => ("Today", "Сегодня"),
        Yesterday => ("Yesterday", "Вчера"),
        From => ("From", "От"),
        KindReply => ("New reply to your thread", "Новый ответ в вашей теме"),
        KindMention => ("You were mentioned", "Вас упомянули"),
        KindIdeaStatus => ("An idea you voted for has a new status", "У идеи, за которую вы голосовали, новый статус"),
        KindEventChanged => ("The time or place of an event you answered changed", "У мероприятия, на которое вы откликнулись, изменилось время или место"),
        KindEventCancelled => ("An event you answered was cancelled", "Мероприятие, на которое вы откликнулись, отменено"),
        KindWaitlistPromoted => ("A place came free: you are in!", "Освободилось место — вы идёте!"),
        KindGroupAccess => ("Your request to join a group was decided", "По вашей заявке в группу принято решение"),
        KindOther => ("Something new for you", "Для вас есть новость"),
        AccessApproved => ("Approved: you are a member now.", "Одобрена: теперь вы участник."),
        AccessDeclined => ("Declined.", "Отклонена."),
    }
}

/// A notification's excerpt in the reader's language: a group decision comes as the word
/// `approved` or `declined`; every other excerpt is quoted content, shown as it is.
pub fn excerpt_text(kind: NotificationKind, excerpt: &str) -> Option<Notifications> {
    match (kind, excerpt) {
        (NotificationKind::GroupAccess, "approved") => Some(Notifications::AccessApproved),
        (NotificationKind::GroupAccess, "declined") => Some(Notifications::AccessDeclined),
        _ => None,
    }
}

/// The sentence that says what a notification is about.
pub fn kind_text(kind: NotificationKind) -> Notifications {
    match kind {
        NotificationKind::Reply => Notifications::KindReply,
        NotificationKind::Mention => Notifications::KindMention,
        NotificationKind::IdeaStatus => Notifications::KindIdeaStatus,
        NotificationKind::EventChanged => Notifications::KindEventChanged,
        NotificationKind::EventCancelled => Notifications::KindEventCancelled,
        NotificationKind::WaitlistPromoted => Notifications::KindWaitlistPromoted,
        NotificationKind::GroupAccess => Notifications::KindGroupAccess,
        NotificationKind::Unknown => Notifications::KindOther,
    }
}

/// The bell's accessible name: "Notifications, 3 unread" / "Уведомления, 3 непрочитанных".
/// Plain strings rather than a table: the bell is in every first load.
pub fn bell_label(locale: Locale, unread: i64) -> String {
    let (name, forms) = match locale {
        Locale::En => ("Notifications", ["unread"; 3]),
        Locale::Ru => ("Уведомления", ["непрочитанное", "непрочитанных", "непрочитанных"]),
    };
    if unread <= 0 { name.to_owned() } else { format!("{name}, {unread} {}", locale.pick(unread as u64, forms)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Notifications::ALL, &[]);
    }

    #[test]
    fn every_kind_has_its_own_sentence() {
        let sentences: Vec<Notifications> = NotificationKind::KNOWN.iter().map(|k| kind_text(*k)).collect();
        for (n, sentence) in sentences.iter().enumerate() {
            assert!(!sentences[..n].contains(sentence), "{sentence:?} says two kinds");
        }
        assert!(!sentences.contains(&Notifications::KindOther));
    }

    #[test]
    fn the_bell_says_how_many_are_unread() {
        assert_eq!(bell_label(Locale::En, 0), "Notifications");
        assert_eq!(bell_label(Locale::En, 3), "Notifications, 3 unread");
        assert_eq!(bell_label(Locale::Ru, 1), "Уведомления, 1 непрочитанное");
        assert_eq!(bell_label(Locale::Ru, 3), "Уведомления, 3 непрочитанных");
        assert_eq!(bell_label(Locale::Ru, 21), "Уведомления, 21 непрочитанное");
    }

    #[test]
    fn group_decisions_are_put_in_the_readers_words_and_quotes_are_left_alone() {
        assert_eq!(excerpt_text(NotificationKind::GroupAccess, "approved"), Some(Notifications::AccessApproved));
        assert_eq!(excerpt_text(NotificationKind::GroupAccess, "declined"), Some(Notifications::AccessDeclined));
        assert_eq!(excerpt_text(NotificationKind::Reply, "approved"), None);
    }
}
