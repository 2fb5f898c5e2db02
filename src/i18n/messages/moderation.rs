//! Reports and moderation.

use veche_api::Locale;
use veche_api::moderation::{ModerationAction, ReportReason, TargetKind};

crate::messages! {
    pub enum Moderation {
        Report => ("Report", "Пожаловаться"),
        ReportTitle => ("Report to the moderators", "Жалоба модераторам"),
        ReportIntro => ("Tell the moderators what is wrong. Only they see your report.", "Расскажите модераторам, что не так. Вашу жалобу видят только они."),
        ReasonLabel => ("Reason", "Причина"),
        ReasonSpam => ("Spam or advertising", "Спам или реклама"),
        ReasonAbuse => ("Abuse or insults", "Оскорбления или травля"),
        ReasonOffTopic => ("Off topic", "Не по теме"),
        ReasonPersonalData => ("Someone's personal data", "Чужие личные данные"),
        ReasonOther => ("Something else", "Другое"),
        ReasonUnknown => ("Other reason", "Другая причина"),
        ChooseReason => ("Choose a reason.", "Выберите причину."),
        NoteLabel => ("Note for the moderators (optional)", "Комментарий для модераторов (необязательно)"),
        SendReport => ("Send report", "Отправить жалобу"),
        Cancel => ("Cancel", "Отмена"),
        Close => ("Close", "Закрыть"),
        Reported => ("Thank you: the moderators will look at it.", "Спасибо, модераторы посмотрят."),
        HiddenPlaceholder => ("Hidden by a moderator.", "Скрыто модератором."),
        HiddenMark => ("Hidden by a moderator: only you and the moderators see this.", "Скрыто модератором: это видите только вы и модераторы."),
        HiddenProfile => ("This profile was hidden by a moderator.", "Профиль скрыт модератором."),
        Restore => ("Restore", "Восстановить"),
        Hide => ("Hide", "Скрыть"),
        Dismiss => ("Dismiss reports", "Отклонить жалобы"),
        ActionNoteLabel => ("Note for the log", "Комментарий для журнала"),
        ActionNoteHint => ("Required to hide or restore; other moderators see it in the log.", "Нужен, чтобы скрыть или восстановить; его увидят другие модераторы в журнале."),
        QueueTitle => ("Moderation", "Модерация"),
        QueueIntro => ("Reported content, most recently reported first.", "Содержимое с жалобами, сначала самые свежие."),
        QueueEmpty => ("No open reports. All clear!", "Открытых жалоб нет. Всё спокойно!"),
        LogTitle => ("Moderation log", "Журнал модерации"),
        LogIntro => ("Every moderator's action, newest first.", "Все действия модераторов, сначала новые."),
        LogEmpty => ("Nothing has been moderated yet.", "Пока ничего не модерировалось."),
        QueueLink => ("Queue", "Очередь"),
        LogLink => ("Log", "Журнал"),
        Sections => ("Moderation sections", "Разделы модерации"),
        Open => ("Open", "Открыть"),
        ReporterNotes => ("Reporters' notes", "Комментарии к жалобам"),
        LoadMore => ("Load more", "Показать ещё"),
        Done => ("Done.", "Готово."),
        KindThread => ("Thread", "Тема"),
        KindReply => ("Reply", "Ответ"),
        KindIdea => ("Idea", "Идея"),
        KindMember => ("Profile", "Профиль"),
        KindUnknown => ("Content", "Содержимое"),
        ActionHide => ("hid", "скрыл(а)"),
        ActionRestore => ("restored", "восстановил(а)"),
        ActionDismiss => ("dismissed the reports on", "отклонил(а) жалобы на"),
        ActionUnknown => ("acted on", "обработал(а)"),
        By => ("by", "автор"),
        ModeratorsOnly => ("Only moderators and staff can see this page.", "Эта страница только для модераторов и сотрудников."),
    }
}

pub fn reason(reason: ReportReason) -> Moderation {
    match reason {
        ReportReason::Spam => Moderation::ReasonSpam,
        ReportReason::Abuse => Moderation::ReasonAbuse,
        ReportReason::OffTopic => Moderation::ReasonOffTopic,
        ReportReason::PersonalData => Moderation::ReasonPersonalData,
        ReportReason::Other => Moderation::ReasonOther,
        ReportReason::Unknown => Moderation::ReasonUnknown,
    }
}

pub fn kind(kind: TargetKind) -> Moderation {
    match kind {
        TargetKind::Thread => Moderation::KindThread,
        TargetKind::Reply => Moderation::KindReply,
        TargetKind::Idea => Moderation::KindIdea,
        TargetKind::Member => Moderation::KindMember,
        TargetKind::Unknown => Moderation::KindUnknown,
    }
}

pub fn action(action: ModerationAction) -> Moderation {
    match action {
        ModerationAction::Hide => Moderation::ActionHide,
        ModerationAction::Restore => Moderation::ActionRestore,
        ModerationAction::Dismiss => Moderation::ActionDismiss,
        ModerationAction::Unknown => Moderation::ActionUnknown,
    }
}

/// "3 reports".
pub fn reports(locale: Locale, count: i64) -> String {
    super::counted(locale, count, ["report", "reports", "reports"], ["жалоба", "жалобы", "жалоб"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated() {
        super::super::assert_translated(Moderation::ALL, &[]);
    }

    #[test]
    fn reports_are_counted_in_both_languages() {
        assert_eq!(reports(Locale::En, 1), "1 report");
        assert_eq!(reports(Locale::Ru, 3), "3 жалобы");
        assert_eq!(reports(Locale::Ru, 5), "5 жалоб");
    }
}
