//! The event calendar.

use veche_api::Locale;
use veche_api::events::{EventKind, Frequency, Recurrence};

use crate::i18n::format::number;

crate::messages! {
    pub enum Events {
        Title => ("Events", "События"),
        Intro => ("Meetups, regional meetings, exhibitions and webinars: find one near you and tell us you are coming.", "Встречи, региональные собрания, выставки и вебинары: найдите событие рядом и отметьтесь, что придёте."),
        NewEvent => ("New event", "Новое событие"),
        ViewLabel => ("Show as", "Показать как"),
        ViewMonth => ("Month", "Месяц"),
        ViewWeek => ("Week", "Неделя"),
        ViewAgenda => ("List", "Список"),
        PeriodLabel => ("Period", "Период"),
        PreviousMonth => ("Previous month", "Предыдущий месяц"),
        NextMonth => ("Next month", "Следующий месяц"),
        PreviousWeek => ("Previous week", "Предыдущая неделя"),
        NextWeek => ("Next week", "Следующая неделя"),
        Today => ("Today", "Сегодня"),
        WeekOf => ("Week of", "Неделя с"),
        KindLabel => ("Type", "Тип"),
        AnyKind => ("All types", "Все типы"),
        KindMeetup => ("Meetup", "Встреча"),
        KindRegionalMeeting => ("Regional meeting", "Региональное собрание"),
        KindExhibition => ("Exhibition", "Выставка"),
        KindWebinar => ("Webinar", "Вебинар"),
        KindOther => ("Event", "Событие"),
        CityLabel => ("City", "Город"),
        ShowCity => ("Show", "Показать"),
        MyEvents => ("Only my events", "Только мои события"),
        NoEvents => ("No events in this period.", "В этот период событий нет."),
        Upcoming => ("Coming up", "Предстоящие"),
        Past => ("Already over", "Уже прошли"),
        Online => ("Online", "Онлайн"),
        Cancelled => ("Cancelled", "Отменено"),
        Repeats => ("Repeats", "Повторяется"),
        Full => ("Full", "Мест нет"),
        AllDay => ("All day", "Весь день"),
        CalendarHelp => ("Arrow keys move between days; Page Up and Page Down change the month.", "Стрелки переходят между днями; Page Up и Page Down листают месяцы."),
        MoreEvents => ("more", "ещё"),
        FeedTitle => ("Your calendar feed", "Ваш календарь"),
        FeedIntro => ("Every event you are going to, in your own calendar app, kept up to date. Keep this address to yourself: anyone who has it sees your events.", "Все события, на которые вы идёте, — в вашем календаре, с обновлениями. Не показывайте этот адрес: по нему видны ваши события."),
        FeedSubscribe => ("Subscribe in your calendar app", "Подписаться в приложении календаря"),
        FeedAddress => ("Feed address", "Адрес календаря"),
        Copy => ("Copy", "Копировать"),
        Copied => ("Copied.", "Скопировано."),
        FeedRotate => ("Make a new address", "Сменить адрес"),
        FeedRotated => ("Done: the old address no longer works.", "Готово: старый адрес больше не работает."),
        FeedShow => ("Show my feed address", "Показать адрес календаря"),
        When => ("When", "Когда"),
        YourTime => ("Your time", "Ваше время"),
        EventTime => ("At the event", "По месту события"),
        UnknownTimeZone => ("Your browser does not know this time zone, so its times are shown in UTC:", "Ваш браузер не знает этот часовой пояс, поэтому время показано по UTC:"),
        Where => ("Where", "Где"),
        ShowOnMap => ("Show on the map", "Показать на карте"),
        OnlineEvent => ("Online event", "Онлайн-событие"),
        JoinOnline => ("Join online", "Подключиться"),
        JoinWhenGoing => ("The join link appears here once you are going.", "Ссылка для подключения появится, когда вы отметитесь, что идёте."),
        Organizer => ("Organiser", "Организатор"),
        Attendees => ("Who is going", "Кто идёт"),
        NoAttendees => ("Nobody has said they are going yet.", "Пока никто не отметился."),
        Report => ("How it went", "Как это было"),
        CancelledBecause => ("This event was cancelled:", "Событие отменено:"),
        RsvpTitle => ("Are you going?", "Вы пойдёте?"),
        Going => ("Going", "Иду"),
        Interested => ("Interested", "Интересно"),
        NotGoing => ("Not going", "Не пойду"),
        JoinWaitlist => ("Join the waitlist", "Встать в лист ожидания"),
        LeaveWaitlist => ("Leave the waitlist", "Выйти из листа ожидания"),
        OnWaitlist => ("On the waitlist", "В листе ожидания"),
        YouAreGoing => ("You are going.", "Вы идёте."),
        YouAreInterested => ("You are interested.", "Вам интересно."),
        YouAreNotGoing => ("You are not going.", "Вы не пойдёте."),
        RsvpPending => ("Your answer will be sent when the connection is back.", "Ответ отправится, когда появится связь."),
        RsvpRefused => ("Your answer was not saved:", "Ответ не сохранён:"),
        WholeSeries => ("Answer for every date of the series", "Ответить за все даты серии"),
        SignInToRsvp => ("Sign in to answer", "Войдите, чтобы ответить"),
        RsvpClosed => ("Answers are closed for this date.", "Ответы на эту дату больше не принимаются."),
        AddToCalendar => ("Add to calendar", "Добавить в календарь"),
        DownloadIcs => ("Download .ics file", "Скачать файл .ics"),
        GoogleCalendar => ("Google Calendar", "Google Календарь"),
        Manage => ("Manage the event", "Управление событием"),
        EditEvent => ("Edit event", "Изменить событие"),
        CancelEvent => ("Cancel the event", "Отменить событие"),
        CancelReason => ("Reason, shown to members", "Причина (её увидят участники)"),
        ReportLabel => ("Report (after the event)", "Отчёт (после события)"),
        PublishReport => ("Publish the report", "Опубликовать отчёт"),
        ReportSaved => ("The report is published.", "Отчёт опубликован."),
        PhotoLabel => ("Photo for the report (PNG, JPEG, GIF or WebP)", "Фото для отчёта (PNG, JPEG, GIF или WebP)"),
        PhotoCaption => ("Caption", "Подпись"),
        AddPhoto => ("Add the photo", "Добавить фото"),
        PhotoAdded => ("The photo is added to the report.", "Фото добавлено в отчёт."),
        TitleLabel => ("Title", "Название"),
        DescriptionLabel => ("Description", "Описание"),
        StartsLabel => ("Starts", "Начало"),
        EndsLabel => ("Ends", "Окончание"),
        TimeZoneLabel => ("Time zone", "Часовой пояс"),
        TimeZoneHint => ("Start and end are local times in this zone.", "Начало и окончание — местное время этого пояса."),
        GroupLabel => ("Group", "Группа"),
        GroupHint => ("A closed or secret group's event is seen by its members only.", "Событие закрытой или секретной группы видят только её участники."),
        WholeCommunity => ("The whole community", "Всё сообщество"),
        AllDayLabel => ("All-day event (times are not shown)", "Событие на весь день (время не показывается)"),
        RegionLabel => ("Region", "Регион"),
        AddressLabel => ("Address", "Адрес"),
        OnlineUrlLabel => ("Online join link", "Ссылка для подключения"),
        OnlineUrlHint => ("Only members who are going see it.", "Её увидят только те, кто идёт."),
        CapacityLabel => ("Places", "Мест"),
        CapacityHint => ("Leave empty for no limit.", "Оставьте пустым, если без ограничений."),
        RepeatLabel => ("Repeats", "Повтор"),
        RepeatNever => ("Does not repeat", "Не повторяется"),
        RepeatWeekly => ("Weekly", "Каждую неделю"),
        RepeatMonthlyByDate => ("Monthly on the same date", "Каждый месяц в то же число"),
        RepeatMonthlyByWeekday => ("Monthly on the same weekday", "Каждый месяц в тот же день недели"),
        IntervalLabel => ("Every how many weeks or months", "Раз в сколько недель или месяцев"),
        UntilLabel => ("Last date", "Последняя дата"),
        CountLabel => ("Number of dates", "Сколько раз"),
        RepeatEndHint => ("Give a last date, a number of dates, or both.", "Укажите последнюю дату, число повторов или и то, и другое."),
        Create => ("Create the event", "Создать событие"),
        Save => ("Save changes", "Сохранить"),
        Upcoming3 => ("Upcoming events", "Ближайшие события"),
        AllEvents => ("All events", "Все события"),
        NothingUpcoming => ("No events planned yet.", "Пока ничего не запланировано."),
    }
}

pub fn kind_text(kind: EventKind) -> Events {
    match kind {
        EventKind::Meetup => Events::KindMeetup,
        EventKind::RegionalMeeting => Events::KindRegionalMeeting,
        EventKind::Exhibition => Events::KindExhibition,
        EventKind::Webinar => Events::KindWebinar,
        EventKind::Unknown => Events::KindOther,
    }
}

/// "18 / 30 going", or "18 going" without a limit.
pub fn going(locale: Locale, count: i64, capacity: Option<i64>) -> String {
    let count_text = number(count, locale);
    let counted = match capacity {
        Some(capacity) => format!("{count_text} / {}", number(capacity, locale)),
        None => count_text,
    };
    match locale {
        Locale::En => format!("{counted} going"),
        Locale::Ru => format!("{counted} {}", locale.pick(count.max(0) as u64, ["идёт", "идут", "идут"])),
    }
}

/// "3 on the waitlist".
pub fn waitlisted(locale: Locale, count: i64) -> String {
    match locale {
        Locale::En => format!("{} on the waitlist", number(count, locale)),
        Locale::Ru => format!("в листе ожидания: {}", number(count, locale)),
    }
}

/// "You are number 2 on the waitlist."
pub fn waitlist_position(locale: Locale, position: i64) -> String {
    match locale {
        Locale::En => format!("The event is full: you are number {} on the waitlist.", number(position, locale)),
        Locale::Ru => format!("Мест нет: вы {}-й в листе ожидания.", number(position, locale)),
    }
}

/// "Repeats every 2 weeks, 12 times" / "Повторяется раз в 2 недели, 12 раз".
pub fn recurrence(locale: Locale, series: &Recurrence) -> String {
    let n = u64::from(series.interval.max(1));
    let every = match (locale, series.frequency) {
        (Locale::En, Frequency::Weekly) if n == 1 => "Repeats every week".to_owned(),
        (Locale::En, Frequency::Weekly) => format!("Repeats every {n} weeks"),
        (Locale::En, _) if n == 1 => "Repeats every month".to_owned(),
        (Locale::En, _) => format!("Repeats every {n} months"),
        (Locale::Ru, Frequency::Weekly) if n == 1 => "Повторяется каждую неделю".to_owned(),
        (Locale::Ru, Frequency::Weekly) => {
            format!("Повторяется раз в {n} {}", locale.pick(n, ["неделю", "недели", "недель"]))
        }
        (Locale::Ru, _) if n == 1 => "Повторяется каждый месяц".to_owned(),
        (Locale::Ru, _) => format!("Повторяется раз в {n} {}", locale.pick(n, ["месяц", "месяца", "месяцев"])),
    };
    match series.count {
        Some(count) => match locale {
            Locale::En => format!("{every}, {count} {}", if count == 1 { "time" } else { "times" }),
            Locale::Ru => format!("{every}, {count} {}", locale.pick(u64::from(count), ["раз", "раза", "раз"])),
        },
        None => every,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Events::ALL, &[]);
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(going(Locale::En, 18, Some(30)), "18 / 30 going");
        assert_eq!(going(Locale::Ru, 1, None), "1 идёт");
        assert_eq!(going(Locale::Ru, 5, Some(5)), "5 / 5 идут");
        let weekly = Recurrence { frequency: Frequency::Weekly, interval: 2, until: None, count: Some(12) };
        assert_eq!(recurrence(Locale::En, &weekly), "Repeats every 2 weeks, 12 times");
        assert_eq!(recurrence(Locale::Ru, &weekly), "Повторяется раз в 2 недели, 12 раз");
    }
}
