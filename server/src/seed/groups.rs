//! Demo groups, one of each kind: an open regional partners' group, the closed beta testers
//! (a space with threads, an idea and an event; anna is in, ivan waits, dmitry decides) and the
//! secret partner council (elena and sergey).

use std::collections::HashMap;

use chrono::{Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use veche_api::events::{EventInput, EventKind};
use veche_api::groups::{GroupKind, GroupRole};

use crate::clock;
use crate::db::Db;
use crate::db::events::{EventRecord, LOCAL_FORMAT};

/// Slugs the tests and the README refer to.
pub const OPEN_GROUP: &str = "north-west-partners";
pub const CLOSED_GROUP: &str = "beta-testers";
pub const SECRET_GROUP: &str = "partner-council";

/// A reply: author, text.
type DemoReply = (&'static str, &'static str);
/// A thread: author, title, opening post, replies.
type DemoThread = (&'static str, &'static str, &'static str, &'static [DemoReply]);

struct DemoGroup {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    kind: GroupKind,
    admins: &'static [&'static str],
    members: &'static [&'static str],
    requests: &'static [&'static str],
    space: (&'static str, &'static str),
    threads: &'static [DemoThread],
}

const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        slug: OPEN_GROUP,
        name: "Regional partners — North-West",
        description: "Partners from Saint Petersburg, Kaliningrad and Murmansk: joint projects and local events. Anyone may read; join to post.",
        kind: GroupKind::Open,
        admins: &["sergey"],
        members: &["pavel"],
        requests: &[],
        space: ("north-west", "North-West partners"),
        threads: &[(
            "sergey",
            "Совместный стенд на выставке в Санкт-Петербурге",
            "Коллеги, предлагаю собрать общий стенд партнёров Северо-Запада на осенней выставке. Кто участвует?",
            &[("pavel", "Мы в деле — можем взять на себя демонстрацию интеграций.")],
        )],
    },
    DemoGroup {
        slug: CLOSED_GROUP,
        name: "Beta testers",
        description: "Members who try new releases before everyone else. Builds, known issues and feedback stay inside the group until release.",
        kind: GroupKind::Closed,
        admins: &["dmitry"],
        members: &["anna"],
        requests: &["ivan"],
        space: ("beta-lab", "Beta lab"),
        threads: &[
            (
                "dmitry",
                "Beta 5.1: the new report designer",
                "The 5.1 beta build is ready. Please try the **report designer** on a copy of your data and post what breaks.",
                &[("anna", "Installed it on our staging server: exports to Excel lose the column widths.")],
            ),
            (
                "anna",
                "Бета 5.1: не работает вход через SSO",
                "После обновления до беты вход через SSO возвращает ошибку 500. У кого-то ещё так?",
                &[],
            ),
        ],
    },
    DemoGroup {
        slug: SECRET_GROUP,
        name: "Partner council",
        description: "The partners' council: pricing and roadmap talks under NDA.",
        kind: GroupKind::Secret,
        admins: &["elena"],
        members: &["sergey"],
        requests: &[],
        space: ("partner-council", "Partner council"),
        threads: &[(
            "elena",
            "Partner pricing for 2027 (draft, NDA)",
            "The draft of next year's partner discounts is attached to the meeting notes. Comments before Friday, please.",
            &[],
        )],
    },
];

/// Answers the closed group's id.
pub async fn seed(db: &Db, ids: &HashMap<&str, i64>) -> anyhow::Result<i64> {
    let now = Utc::now();
    let mut group_ids = HashMap::new();
    for (position, demo) in GROUPS.iter().enumerate() {
        let group = db
            .create_group(demo.slug, demo.name, demo.description, demo.kind)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo group {} exists twice", demo.slug))?;
        group_ids.insert(demo.slug, group);
        for (handles, role) in [(demo.admins, GroupRole::Admin), (demo.members, GroupRole::Member)] {
            for handle in handles {
                db.put_member(group, ids[handle], role, None).await?;
            }
        }
        for handle in demo.requests {
            db.request_membership(group, ids[handle]).await?;
        }
        let space = db.create_space(demo.space.0, demo.space.1, demo.description, 10 + position as i64).await?;
        db.set_space_group(space, group).await?;
        for (days_ago, (author, title, body, replies)) in demo.threads.iter().enumerate() {
            let at = now - Duration::days(3 + days_ago as i64);
            let thread = db.create_thread(space, ids[author], title, body, &clock::format(at)).await?;
            for (hours, (author, body)) in replies.iter().enumerate() {
                let at = clock::format(at + Duration::hours(2 + hours as i64));
                db.create_reply(thread, ids[author], body, None, &at).await?;
            }
        }
    }

    let beta = group_ids[CLOSED_GROUP];
    let category = db.idea_categories().await?.first().map(|c| c.id.parse::<i64>()).transpose()?;
    if let Some(category) = category {
        let idea = db
            .create_idea(
                ids["anna"],
                category,
                "Beta: keep the old report designer one more release",
                "Some of our reports do not open in the new designer yet; please keep the old one as an option in 5.1.",
                &clock::format(now - Duration::days(2)),
            )
            .await?;
        db.set_idea_group(idea, Some(beta)).await?;
    }

    let zone: Tz = "Europe/Moscow".parse().map_err(|_| anyhow::anyhow!("zone"))?;
    let start = (now.date_naive() + Duration::days(9)).and_time(NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default());
    let end = start + Duration::hours(1);
    let input = EventInput {
        title: "Beta 5.1 feedback call".to_owned(),
        kind: EventKind::Webinar.as_str().to_owned(),
        description: "An hour with the product team: what you found in the 5.1 beta.".to_owned(),
        starts_local: start.format(LOCAL_FORMAT).to_string(),
        ends_local: end.format(LOCAL_FORMAT).to_string(),
        all_day: false,
        time_zone: zone.name().to_owned(),
        city: String::new(),
        region: String::new(),
        address: String::new(),
        online_url: "https://meet.example.com/beta-51".to_owned(),
        capacity: None,
        recurrence: None,
        group_id: None,
    };
    let record = EventRecord { input: &input, kind: EventKind::Webinar, zone, starts_local: start, ends_local: end };
    let event = db.save_event(None, &record, ids["maria"]).await?;
    db.set_event_group(event, Some(beta)).await?;
    Ok(beta)
}
