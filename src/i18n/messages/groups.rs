//! Groups, joining them, and the page shown instead of a closed group's content.

use veche_api::Locale;
use veche_api::groups::GroupKind;

crate::messages! {
    pub enum Groups {
        Title => ("Groups", "Группы"),
        Intro => ("Circles of members with their own threads, ideas and events. Open groups are for everyone to read; closed ones are for their members.", "Круги участников со своими темами, идеями и событиями. Открытые группы может читать каждый, закрытые — только их участники."),
        NoGroups => ("No groups yet.", "Групп пока нет."),
        AllGroups => ("All groups", "Все группы"),
        KindOpen => ("Open", "Открытая"),
        KindClosed => ("Closed", "Закрытая"),
        KindSecret => ("Secret", "Секретная"),
        KindUnknown => ("Group", "Группа"),
        Join => ("Join", "Вступить"),
        RequestAccess => ("Request access", "Запросить доступ"),
        Requested => ("Request sent: an admin of the group will decide.", "Запрос отправлен: решение примет администратор группы."),
        WithdrawRequest => ("Withdraw request", "Отозвать запрос"),
        Leave => ("Leave group", "Выйти из группы"),
        Member => ("You are a member", "Вы участник"),
        Admin => ("You are an admin", "Вы администратор"),
        AdminBadge => ("admin", "администратор"),
        SignInToJoin => ("Sign in to join", "Войдите, чтобы вступить"),
        Threads => ("Threads", "Темы"),
        Ideas => ("Ideas", "Идеи"),
        Members => ("Members", "Участники"),
        NothingYet => ("Nothing here yet.", "Пока ничего нет."),
        Requests => ("Requests to join", "Запросы на вступление"),
        NoRequests => ("No requests are waiting.", "Новых запросов нет."),
        Approve => ("Approve", "Принять"),
        Decline => ("Decline", "Отклонить"),
        ContentForMembers => ("Threads, ideas, events and members of this group are for its members.", "Темы, идеи, события и участники этой группы доступны только её участникам."),
        GateTitle => ("Members only", "Только для участников"),
        GateText => ("This content is available to members of", "Этот материал доступен участникам группы"),
        GateGuest => ("Sign in or register, then ask to join the group.", "Войдите или зарегистрируйтесь, а затем попросите вступить в группу."),
        SignIn => ("Sign in", "Войти"),
        Register => ("Register", "Зарегистрироваться"),
    }
}

pub fn kind(kind: GroupKind) -> Groups {
    match kind {
        GroupKind::Open => Groups::KindOpen,
        GroupKind::Closed => Groups::KindClosed,
        GroupKind::Secret => Groups::KindSecret,
        GroupKind::Unknown => Groups::KindUnknown,
    }
}

/// "12 members", "21 участник".
pub fn members(locale: Locale, n: i64) -> String {
    super::counted(locale, n, ["member", "members", "members"], ["участник", "участника", "участников"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated() {
        super::super::assert_translated(Groups::ALL, &[]);
    }

    #[test]
    fn member_counts_agree_with_the_number() {
        assert_eq!(members(Locale::En, 1), "1 member");
        assert_eq!(members(Locale::Ru, 21), "21 участник");
        assert_eq!(members(Locale::Ru, 3), "3 участника");
    }
}
