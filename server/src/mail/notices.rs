//! The mails members choose to get: a notification on its own, the daily digest of the
//! notifications a member gets that way, and the weekly community digest. Each ends with a
//! one-click unsubscribe link for what it is, and a link to the member's preferences.

use veche_api::Locale;
use veche_api::notifications::{Delivery, MailTopic, NotificationKind};

use super::NewMail;
use super::unsubscribe::Subscription;
use super::{Content, Line, MailLinks, Section, UnsubscribeFooter, lay_out};

/// The app's page where a member chooses what reaches them by e-mail.
pub const PREFERENCES_PATH: &str = "/account/notifications";

/// Who a mail is for.
pub struct Recipient<'a> {
    pub member_id: i64,
    pub name: &'a str,
    pub email: &'a str,
    pub locale: Locale,
}

/// A notification as mails tell it.
#[derive(Clone, Debug)]
pub struct NoticeItem {
    pub kind: NotificationKind,
    /// The title of the content it is about.
    pub title: String,
    /// The reply, the official answer, what changed; for a group decision `approved` or
    /// `declined`.
    pub excerpt: String,
    /// Who caused it, when a member did.
    pub actor: Option<String>,
    /// The app's path of the content.
    pub link: String,
}

/// What the weekly community digest lists, already limited to what its reader may see.
#[derive(Clone, Debug, Default)]
pub struct WeeklyDigest {
    /// Threads with the most replies in the week: title, replies in the week, path.
    pub threads: Vec<(String, i64, String)>,
    /// Ideas proposed in the week: title, path.
    pub new_ideas: Vec<(String, String)>,
    /// Ideas implemented in the week: title, path.
    pub implemented: Vec<(String, String)>,
    /// Events in the coming two weeks: title, when (local time and zone), path.
    pub events: Vec<(String, String, String)>,
}

impl WeeklyDigest {
    pub fn is_empty(&self) -> bool {
        self.threads.is_empty() && self.new_ideas.is_empty() && self.implemented.is_empty() && self.events.is_empty()
    }
}

fn greeting(locale: Locale, name: &str) -> String {
    match locale {
        Locale::Ru => format!("Здравствуйте, {name}!"),
        _ => format!("Hello, {name}!"),
    }
}

/// The sentence that says what happened, with the content's title in it.
fn headline(locale: Locale, item: &NoticeItem) -> String {
    let title = &item.title;
    let actor = item.actor.as_deref();
    match (locale, item.kind) {
        (Locale::Ru, NotificationKind::Reply) => match actor {
            Some(actor) => format!("{actor}: новый ответ в вашей теме «{title}»"),
            None => format!("Новый ответ в вашей теме «{title}»"),
        },
        (Locale::Ru, NotificationKind::Mention) => match actor {
            Some(actor) => format!("{actor} упоминает вас в «{title}»"),
            None => format!("Вас упомянули в «{title}»"),
        },
        (Locale::Ru, NotificationKind::IdeaStatus) => {
            format!("У идеи «{title}», за которую вы голосовали, новый статус")
        }
        (Locale::Ru, NotificationKind::EventChanged) => format!("Изменилось время или место мероприятия «{title}»"),
        (Locale::Ru, NotificationKind::EventCancelled) => format!("Мероприятие «{title}» отменено"),
        (Locale::Ru, NotificationKind::WaitlistPromoted) => format!("Освободилось место — вы идёте на «{title}»"),
        (Locale::Ru, NotificationKind::GroupAccess) if item.excerpt == "approved" => {
            format!("Ваша заявка в группу «{title}» одобрена")
        }
        (Locale::Ru, NotificationKind::GroupAccess) => format!("Ваша заявка в группу «{title}» отклонена"),
        (Locale::Ru, _) => format!("Для вас есть новость: «{title}»"),
        (_, NotificationKind::Reply) => match actor {
            Some(actor) => format!("{actor} replied to your thread “{title}”"),
            None => format!("New reply to your thread “{title}”"),
        },
        (_, NotificationKind::Mention) => match actor {
            Some(actor) => format!("{actor} mentioned you in “{title}”"),
            None => format!("You were mentioned in “{title}”"),
        },
        (_, NotificationKind::IdeaStatus) => format!("An idea you voted for has a new status: “{title}”"),
        (_, NotificationKind::EventChanged) => format!("The time or place of “{title}” changed"),
        (_, NotificationKind::EventCancelled) => format!("“{title}” is cancelled"),
        (_, NotificationKind::WaitlistPromoted) => format!("A place came free: you are going to “{title}”"),
        (_, NotificationKind::GroupAccess) if item.excerpt == "approved" => {
            format!("Your request to join “{title}” was approved")
        }
        (_, NotificationKind::GroupAccess) => format!("Your request to join “{title}” was declined"),
        (_, _) => format!("Something new for you: “{title}”"),
    }
}

/// The item's own words (the reply, the answer, what changed), if it has any to quote.
fn quoted(item: &NoticeItem) -> Option<String> {
    (item.kind != NotificationKind::GroupAccess && !item.excerpt.trim().is_empty())
        .then(|| format!("“{}”", item.excerpt.trim()))
}

/// What "stop" switches off, as the end of "Unsubscribe from …".
fn topic_words(locale: Locale, topic: MailTopic) -> &'static str {
    match (locale, topic) {
        (Locale::Ru, MailTopic::Replies) => "письма об ответах в ваших темах",
        (Locale::Ru, MailTopic::Mentions) => "письма об упоминаниях",
        (Locale::Ru, MailTopic::IdeaStatus) => "письма о статусах идей, за которые вы голосовали",
        (Locale::Ru, MailTopic::Events) => "письма о мероприятиях, на которые вы откликнулись",
        (Locale::Ru, MailTopic::GroupDecisions) => "письма о заявках в группы",
        (Locale::Ru, MailTopic::WeeklyDigest) => "еженедельную подборку",
        (Locale::Ru, MailTopic::Unknown) => "эти письма",
        (_, MailTopic::Replies) => "mail about replies to your threads",
        (_, MailTopic::Mentions) => "mail about mentions of you",
        (_, MailTopic::IdeaStatus) => "mail about ideas you voted for",
        (_, MailTopic::Events) => "mail about events you answered",
        (_, MailTopic::GroupDecisions) => "mail about your requests to join groups",
        (_, MailTopic::WeeklyDigest) => "the weekly digest",
        (_, MailTopic::Unknown) => "this mail",
    }
}

/// The unsubscribe link and the preferences link that end a mail of `subscription`.
fn unsubscribe_footer(links: &MailLinks, locale: Locale, subscription: &Subscription, what: &str) -> UnsubscribeFooter {
    let (stop, choose) = match locale {
        Locale::Ru => (format!("Отписаться: больше не присылать {what}"), "Выбрать, какие письма получать".to_owned()),
        _ => (format!("Unsubscribe from {what}"), "Choose what you get by e-mail".to_owned()),
    };
    UnsubscribeFooter {
        stop,
        url: links.unsubscribe(subscription),
        choose,
        preferences_url: links.app(PREFERENCES_PATH),
    }
}

fn why_footer(locale: Locale, community: &str) -> String {
    match locale {
        Locale::Ru => {
            format!("Это письмо пришло, потому что вы так выбрали в настройках почты сообщества «{community}».")
        }
        _ => format!("You get this mail because of your e-mail preferences at {community}."),
    }
}

/// One notification as its own mail; `None` for a kind no preference covers.
pub fn notice_mail(links: &MailLinks, community: &str, to: &Recipient, item: &NoticeItem) -> Option<NewMail> {
    let topic = MailTopic::of_kind(item.kind)?;
    let locale = to.locale;
    let subject = headline(locale, item);
    let mut paragraphs = vec![subject.clone()];
    paragraphs.extend(quoted(item));
    let open = match locale {
        Locale::Ru => "Открыть",
        _ => "Open it",
    };
    let content = Content {
        subject,
        greeting: greeting(locale, to.name),
        paragraphs,
        sections: Vec::new(),
        button: Some((open.to_owned(), links.app(&item.link))),
        footer: why_footer(locale, community),
    };
    let subscription = Subscription { member_id: to.member_id, topics: vec![topic], delivery: Delivery::Immediately };
    let footer = unsubscribe_footer(links, locale, &subscription, topic_words(locale, topic));
    Some(lay_out(&content, locale, community, to.email, Some(&footer)))
}

/// The day's notifications of the kinds a member gets daily, in one mail.
pub fn daily_digest_mail(links: &MailLinks, community: &str, to: &Recipient, items: &[NoticeItem]) -> NewMail {
    let locale = to.locale;
    let mut topics: Vec<MailTopic> = Vec::new();
    for topic in items.iter().filter_map(|item| MailTopic::of_kind(item.kind)) {
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    let lines = items
        .iter()
        .map(|item| Line {
            text: headline(locale, item),
            detail: quoted(item).unwrap_or_default(),
            link: links.app(&item.link),
        })
        .collect();
    let count = items.len();
    let (subject, heading, button, what) = match locale {
        Locale::Ru => (
            format!("Сводка за день в сообществе «{community}»: новое — {count}"),
            "Что произошло".to_owned(),
            "Все уведомления".to_owned(),
            "ежедневную сводку".to_owned(),
        ),
        _ => (
            format!("Your daily digest from {community}: {count} new"),
            "What happened".to_owned(),
            "All notifications".to_owned(),
            "the daily digest".to_owned(),
        ),
    };
    let content = Content {
        subject,
        greeting: greeting(locale, to.name),
        paragraphs: Vec::new(),
        sections: vec![Section { heading, lines }],
        button: Some((button, links.app("/notifications"))),
        footer: why_footer(locale, community),
    };
    let subscription = Subscription { member_id: to.member_id, topics, delivery: Delivery::Daily };
    let footer = unsubscribe_footer(links, locale, &subscription, &what);
    lay_out(&content, locale, community, to.email, Some(&footer))
}

/// The week in the community, as its reader may see it.
pub fn weekly_digest_mail(links: &MailLinks, community: &str, to: &Recipient, digest: &WeeklyDigest) -> NewMail {
    let locale = to.locale;
    let ru = locale == Locale::Ru;
    let heading = |en: &str, ru_text: &str| if ru { ru_text.to_owned() } else { en.to_owned() };
    let mut sections = Vec::new();
    if !digest.threads.is_empty() {
        sections.push(Section {
            heading: heading("Most discussed", "Самое обсуждаемое"),
            lines: digest
                .threads
                .iter()
                .map(|(title, replies, link)| Line {
                    text: title.clone(),
                    detail: if ru {
                        format!("Ответов за неделю: {replies}")
                    } else {
                        format!("{replies} replies this week")
                    },
                    link: links.app(link),
                })
                .collect(),
        });
    }
    let plain = |items: &[(String, String)]| -> Vec<Line> {
        items
            .iter()
            .map(|(title, link)| Line { text: title.clone(), detail: String::new(), link: links.app(link) })
            .collect()
    };
    if !digest.new_ideas.is_empty() {
        sections
            .push(Section { heading: heading("New ideas", "Новые идеи"), lines: plain(&digest.new_ideas) });
    }
    if !digest.implemented.is_empty() {
        sections.push(Section {
            heading: heading("Implemented", "Реализовано"), lines: plain(&digest.implemented)
        });
    }
    if !digest.events.is_empty() {
        sections.push(Section {
            heading: heading("Upcoming events", "Ближайшие мероприятия"),
            lines: digest
                .events
                .iter()
                .map(|(title, when, link)| Line { text: title.clone(), detail: when.clone(), link: links.app(link) })
                .collect(),
        });
    }
    let content = Content {
        subject: if ru {
            format!("Неделя в сообществе «{community}»")
        } else {
            format!("This week at {community}")
        },
        greeting: greeting(locale, to.name),
        paragraphs: vec![if ru {
            "Вот что было интересного за неделю.".to_owned()
        } else {
            "Here is what happened this week.".to_owned()
        }],
        sections,
        button: Some((heading("Open the community", "Открыть сообщество"), links.app("/"))),
        footer: why_footer(locale, community),
    };
    let subscription = Subscription {
        member_id: to.member_id,
        topics: vec![MailTopic::WeeklyDigest],
        delivery: Delivery::Immediately,
    };
    let footer = unsubscribe_footer(links, locale, &subscription, topic_words(locale, MailTopic::WeeklyDigest));
    lay_out(&content, locale, community, to.email, Some(&footer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> MailLinks {
        MailLinks::new("https://community.example.com", b"key")
    }

    fn reply() -> NoticeItem {
        NoticeItem {
            kind: NotificationKind::Reply,
            title: "<script>x</script> Export".into(),
            excerpt: "Try the **CSV** button".into(),
            actor: Some("Anna".into()),
            link: "/threads/7#reply-9".into(),
        }
    }

    #[test]
    fn a_notice_links_to_its_content_and_unsubscribes_from_its_kind() {
        let to = Recipient { member_id: 3, name: "Oleg", email: "oleg@example.org", locale: Locale::En };
        let mail = notice_mail(&links(), "Sever", &to, &reply()).expect("replies are mailed");
        assert_eq!(mail.subject, "Anna replied to your thread “<script>x</script> Export”");
        assert!(mail.html_body.contains("&lt;script&gt;"), "titles are text in the HTML");
        assert!(!mail.html_body.contains("<script>"));
        assert!(mail.text_body.contains("https://community.example.com/threads/7#reply-9"));
        let unsubscribe = mail.list_unsubscribe.expect("a one-click address");
        assert!(
            unsubscribe.starts_with("https://community.example.com/unsubscribe?token=3.i.replies."),
            "{unsubscribe}"
        );
        assert!(mail.text_body.contains(&unsubscribe));
        assert!(mail.text_body.contains("https://community.example.com/account/notifications"));
    }

    #[test]
    fn a_daily_digest_in_russian_lists_each_item_and_stops_its_kinds() {
        let to = Recipient { member_id: 5, name: "Анна", email: "anna@example.org", locale: Locale::Ru };
        let status = NoticeItem {
            kind: NotificationKind::IdeaStatus,
            title: "Тёмная тема".into(),
            excerpt: "Сделаем в марте".into(),
            actor: None,
            link: "/ideas/4".into(),
        };
        let mail = daily_digest_mail(&links(), "Север", &to, &[reply(), status]);
        assert_eq!(mail.subject, "Сводка за день в сообществе «Север»: новое — 2");
        assert!(mail.text_body.contains("У идеи «Тёмная тема», за которую вы голосовали, новый статус"));
        assert!(mail.text_body.contains("“Сделаем в марте”"));
        assert!(mail.list_unsubscribe.expect("address").contains("token=5.d.replies,idea_status."));
    }

    #[test]
    fn kinds_without_a_preference_are_not_mailed() {
        let to = Recipient { member_id: 3, name: "Oleg", email: "oleg@example.org", locale: Locale::En };
        let item = NoticeItem { kind: NotificationKind::Unknown, ..reply() };
        assert!(notice_mail(&links(), "Sever", &to, &item).is_none());
    }
}
