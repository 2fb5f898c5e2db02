//! Demo discussions: spaces with realistic threads in English and Russian, an answered question,
//! a pinned release thread with 1,200 replies, a locked one, and one still waiting for an answer.

use chrono::{Duration, Utc};

use crate::clock;
use crate::db::Db;

struct DemoSpace {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
}

const SPACES: &[DemoSpace] = &[
    DemoSpace {
        slug: "product-questions",
        name: "Product questions",
        description: "How do I…? Members, mentors and the Sever team answer questions about every product.",
    },
    DemoSpace {
        slug: "integrations",
        name: "Integrations & API",
        description: "Webhooks, the REST API, single sign-on and connecting Sever to the rest of your stack.",
    },
    DemoSpace {
        slug: "partners",
        name: "Partners",
        description: "For partner companies: implementation projects, certification and joint events.",
    },
    DemoSpace {
        slug: "regional-clubs",
        name: "Regional clubs",
        description: "Local user groups — Moscow, Saint Petersburg, Kazan, Novosibirsk and more.",
    },
];

struct DemoReply {
    author: &'static str,
    body: &'static str,
    hours_after: i64,
}

struct DemoThread {
    space: &'static str,
    author: &'static str,
    title: &'static str,
    body: &'static str,
    days_ago: i64,
    pinned: bool,
    locked: bool,
    replies: &'static [DemoReply],
    /// Index into `replies` of the accepted answer.
    solution: Option<usize>,
    /// Members who gave the opening post kudos.
    kudos: &'static [&'static str],
}

const THREADS: &[DemoThread] = &[
    DemoThread {
        space: "product-questions",
        author: "anna",
        title: "How do I export a report to Excel and keep the formatting?",
        body: "When I export the **monthly sales report** to Excel, the colours and number formats are lost.\n\nWhat I tried:\n\n1. *Export → XLSX* from the report menu\n2. Copying the table by hand\n\nIs there a setting I missed?",
        days_ago: 12,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply {
                author: "james",
                body: "Same here — the number formats turn into plain text for me too.",
                hours_after: 3,
            },
            DemoReply {
                author: "oleg",
                body: "Turn on **Keep styles** in *Settings → Export* (it is off by default since 4.2), then export again:\n\n```\nSettings → Export → Keep styles: on\n```\n\nConditional formatting is exported as static colours.",
                hours_after: 5,
            },
            DemoReply { author: "anna", body: "That was it, thank you! Marking this as the answer.", hours_after: 7 },
        ],
        solution: Some(1),
        kudos: &["james", "dmitry", "olga"],
    },
    DemoThread {
        space: "product-questions",
        author: "maria",
        title: "Release 5.0 megathread: questions and first impressions",
        body: "Release 5.0 is out! Ask anything about it here — the product team reads every reply.\n\n- [Release notes](https://example.com/sever/5.0)\n- Known issues are pinned at the top of this thread",
        days_ago: 40,
        pinned: true,
        locked: false,
        replies: &[],
        solution: None,
        kudos: &["anna", "ivan", "pavel", "sergey"],
    },
    DemoThread {
        space: "integrations",
        author: "dmitry",
        title: "Webhook retries: what is the backoff policy?",
        body: "We process order webhooks and sometimes our endpoint is down for a few minutes during deploys. How often and for how long does Sever retry a failed delivery?",
        days_ago: 6,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply {
                author: "elena",
                body: "Good question, and our documentation should say it plainly — I asked the team to add it. Deliveries are retried with exponential backoff for **24 hours** (1 min, 2, 4 … capped at 1 hour), and every attempt carries the same `Idempotency-Key` header so you can de-duplicate.",
                hours_after: 2,
            },
            DemoReply {
                author: "dmitry",
                body: "Perfect, the idempotency key is exactly what we needed.",
                hours_after: 4,
            },
        ],
        solution: Some(0),
        kudos: &["anna", "ivan"],
    },
    DemoThread {
        space: "product-questions",
        author: "pavel",
        title: "Как настроить единый вход через Active Directory?",
        body: "Хотим, чтобы сотрудники входили в Sever под доменными учётными записями. Где включается SSO и нужен ли для этого отдельный модуль?",
        days_ago: 3,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply {
                author: "oleg",
                body: "Отдельный модуль не нужен: *Администрирование → Вход → SAML 2.0*. Для AD FS загрузите файл метаданных и сопоставьте атрибут `userPrincipalName` с логином.",
                hours_after: 1,
            },
            DemoReply {
                author: "olga",
                body: "Мы так и сделали в прошлом месяце, заработало с первого раза. Не забудьте оставить один локальный аккаунт администратора на случай сбоя.",
                hours_after: 6,
            },
        ],
        solution: None,
        kudos: &["oleg"],
    },
    DemoThread {
        space: "partners",
        author: "sergey",
        title: "Partner certification 2027: what changes?",
        body: "We are planning training for our consultants. Are the certification tracks changing next year, and will the current certificates stay valid?",
        days_ago: 9,
        pinned: false,
        locked: false,
        replies: &[DemoReply {
            author: "maria",
            body: "Current certificates stay valid until they expire. The new *Integration specialist* track opens in February — I will post the programme in this space.",
            hours_after: 20,
        }],
        solution: None,
        kudos: &[],
    },
    DemoThread {
        space: "regional-clubs",
        author: "olga",
        title: "Kazan user group: ideas for the spring meetup",
        body: "We meet in Kazan every quarter. What would you like to hear about in spring? Case studies, a workshop, a Q&A with the product team?",
        days_ago: 2,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply { author: "ivan", body: "A hands-on workshop on the new dashboards, please!", hours_after: 2 },
            DemoReply {
                author: "pavel",
                body: "+1 for the workshop, and a short talk on migrating from 4.x.",
                hours_after: 5,
            },
        ],
        solution: None,
        kudos: &["ivan"],
    },
    DemoThread {
        space: "integrations",
        author: "james",
        title: "Rate limits on the reporting API?",
        body: "Before we build a nightly sync: how many requests per minute does the reporting API allow, and is the limit per token or per company?",
        days_ago: 1,
        pinned: false,
        locked: false,
        replies: &[],
        solution: None,
        kudos: &[],
    },
    DemoThread {
        space: "product-questions",
        author: "maria",
        title: "Forum migration FAQ (archived)",
        body: "This thread collected questions about moving from the old forum. The migration is complete, so it is locked; start a new thread if something is still missing.",
        days_ago: 300,
        pinned: false,
        locked: true,
        replies: &[DemoReply {
            author: "anna",
            body: "All my old posts came over with their dates. Thanks!",
            hours_after: 30,
        }],
        solution: None,
        kudos: &["anna"],
    },
    DemoThread {
        space: "product-questions",
        author: "ivan",
        title: "Why does my post show <script> tags as text?",
        body: "I pasted a snippet from our intranet: <script>alert('hi')</script> and <img src=x onerror=alert(1)> — they show up as plain text instead of running. Is that on purpose?",
        days_ago: 4,
        pinned: false,
        locked: false,
        replies: &[DemoReply {
            author: "oleg",
            body: "Yes, on purpose: HTML in posts is always shown as text so nobody can run scripts in other members' browsers. Use `code` or a fenced block to share snippets.",
            hours_after: 1,
        }],
        solution: Some(0),
        kudos: &[],
    },
    DemoThread {
        space: "regional-clubs",
        author: "dmitry",
        title: "Встреча клиентов в Екатеринбурге: кто придёт?",
        body: "Собираем список участников уральской встречи. Напишите, кто планирует прийти и какие темы интересны.",
        days_ago: 8,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply {
                author: "pavel",
                body: "Буду с коллегой. Интересно про отчётность и интеграции с 1С.",
                hours_after: 3,
            },
            DemoReply {
                author: "olga",
                body: "Приеду из Новосибирска, могу рассказать про наш опыт внедрения.",
                hours_after: 9,
            },
        ],
        solution: None,
        kudos: &["pavel"],
    },
];

/// The news space: staff announcements, which members answer with replies.
const NEWS_SPACE: DemoSpace = DemoSpace {
    slug: "news",
    name: "News",
    description: "Announcements from the community team. Everyone reads them; members discuss them in replies.",
};

/// Announcements, oldest first (authors are staff).
const NEWS: &[DemoThread] = &[
    DemoThread {
        space: "news",
        author: "elena",
        title: "Welcome to the new community site",
        body: "Threads, ideas and events now live in one place. Tell us in the replies what you miss.",
        days_ago: 17,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply { author: "dmitry", body: "Much easier to find things now, thank you!", hours_after: 2 },
            DemoReply { author: "olga", body: "Would love a dark theme for the site too.", hours_after: 20 },
        ],
        solution: None,
        kudos: &["dmitry"],
    },
    DemoThread {
        space: "news",
        author: "maria",
        title: "Приглашаем на весеннюю встречу клуба в Казани",
        body: "Регистрация на встречу открыта в разделе «События». Места ограничены — записывайтесь заранее.",
        days_ago: 9,
        pinned: false,
        locked: false,
        replies: &[DemoReply {
            author: "pavel", body: "Записался, спасибо за напоминание!", hours_after: 5
        }],
        solution: None,
        kudos: &[],
    },
    DemoThread {
        space: "news",
        author: "elena",
        title: "Release 5.1 is planned for next month",
        body: "The beta testers are trying it now. The top-voted ideas on the roadmap made it in — thank you for voting.",
        days_ago: 2,
        pinned: false,
        locked: false,
        replies: &[
            DemoReply {
                author: "anna",
                body: "Great news! The report designer is the part I wait for most.",
                hours_after: 1,
            },
            DemoReply { author: "ivan", body: "Will the upgrade keep our custom dashboards?", hours_after: 4 },
            DemoReply { author: "maria", body: "Yes, dashboards are migrated as they are.", hours_after: 6 },
        ],
        solution: None,
        kudos: &["anna", "ivan"],
    },
];

/// What members say in the long release thread, in turn.
const MEGATHREAD_LINES: &[&str] = &[
    "The new dashboard editor is much faster for us.",
    "Has anyone tried the 5.0 import on a large database yet?",
    "Dark mode finally! Thanks to everyone who voted for it.",
    "After updating, scheduled reports arrive an hour late — time zone setting?",
    "Check *Settings → Regional*: 5.0 reads the company time zone now, not the server's.",
    "Обновились без проблем, отчёты работают быстрее.",
    "Is the old API v1 still supported after 5.0?",
    "Yes, v1 keeps working until the end of next year; v2 is recommended for new work.",
    "Great release. The export with styles is a big help.",
    "Подскажите, где теперь настройки уведомлений?",
];

const MEGATHREAD_AUTHORS: &[&str] =
    &["anna", "ivan", "pavel", "olga", "dmitry", "james", "sergey", "oleg", "maria", "elena"];

/// How many replies the release thread gets, so long threads are exercised for real.
pub const MEGATHREAD_REPLIES: usize = 1200;

pub async fn seed(db: &Db, member_ids: &std::collections::HashMap<&str, i64>) -> anyhow::Result<()> {
    let member =
        |handle: &str| member_ids.get(handle).copied().ok_or_else(|| anyhow::anyhow!("no demo member {handle}"));
    let mut space_ids = std::collections::HashMap::new();
    for (position, space) in SPACES.iter().enumerate() {
        space_ids
            .insert(space.slug, db.create_space(space.slug, space.name, space.description, position as i64).await?);
    }
    let news = db.create_space(NEWS_SPACE.slug, NEWS_SPACE.name, NEWS_SPACE.description, SPACES.len() as i64).await?;
    db.set_space_news(news, true).await?;
    space_ids.insert(NEWS_SPACE.slug, news);
    let now = Utc::now();
    for thread in THREADS.iter().chain(NEWS) {
        let created = now - Duration::days(thread.days_ago);
        let thread_id = db
            .create_thread(
                space_ids[thread.space],
                member(thread.author)?,
                thread.title,
                thread.body,
                &clock::format(created),
            )
            .await?;
        let mut reply_ids = Vec::new();
        if thread.title.starts_with("Release 5.0") {
            let mut replies = Vec::with_capacity(MEGATHREAD_REPLIES);
            for n in 0..MEGATHREAD_REPLIES {
                let author = MEGATHREAD_AUTHORS[n % MEGATHREAD_AUTHORS.len()];
                let line = MEGATHREAD_LINES[n % MEGATHREAD_LINES.len()];
                let at = created + Duration::minutes(30 * (n as i64 + 1));
                let body = format!("{line}\n\n_Reply {} of the release thread._", n + 1);
                replies.push((member(author)?, body, clock::format(at.min(now))));
            }
            db.append_replies(thread_id, &replies).await?;
        }
        for reply in thread.replies {
            let at = created + Duration::hours(reply.hours_after);
            reply_ids.push(
                db.create_reply(thread_id, member(reply.author)?, reply.body, None, &clock::format(at.min(now)))
                    .await?,
            );
        }
        if let Some(index) = thread.solution {
            db.set_solution(thread_id, reply_ids[index]).await?;
        }
        for giver in thread.kudos {
            db.set_kudos(member(giver)?, "thread", thread_id, true).await?;
        }
        if thread.pinned || thread.locked {
            db.moderate_thread(thread_id, Some(thread.pinned), Some(thread.locked)).await?;
        }
    }
    Ok(())
}
