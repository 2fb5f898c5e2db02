//! The demo knowledge base: four sections; articles linked from the threads they answer; one made
//! from the Kaliningrad meetup's report; and one for the closed beta group's members only.

use std::collections::HashMap;

use anyhow::Context;

use veche_api::kb::{ArticleInput, SectionInput, article_from_report};

use crate::db::Db;

const SECTIONS: [(&str, &str); 4] = [
    ("Getting started", "New here? How the community works and how to get a good answer fast."),
    ("Product guides", "Step-by-step guides to Sever Analytics, written by the team and the community's mentors."),
    ("Integrations & API", "Tokens, limits, webhooks and single sign-on."),
    ("Event reports", "What happened at our meetups and webinars, with the slides."),
];

struct DemoArticle {
    section: usize,
    title: &'static str,
    body: &'static str,
    /// Threads (by title) that link to the article.
    threads: &'static [&'static str],
}

const ARTICLES: [DemoArticle; 4] = [
    DemoArticle {
        section: 0,
        title: "How to ask a question the community can answer",
        body: "Good questions get answers within a day. Before you post:

1. **Search first**: the knowledge base and old threads may already have the answer.
2. **Say what you tried** and what happened instead, with the version you run.
3. **One question per thread**, in the right space.
4. When an answer helps, **accept it**: the thread then shows it on top for the next reader.

Mentors look at unanswered questions every morning.",
        threads: &[],
    },
    DemoArticle {
        section: 1,
        title: "Exporting reports to Excel with the formatting kept",
        body: "Use **Export → Excel (formatted)**, not *Export → CSV*: CSV keeps values only.

- Conditional formatting is kept for the built-in colour scales.
- Merged header cells are kept since release 5.0.
- Schedule a regular export under **Report → Schedule**; the file arrives by e-mail.

If a column comes out as text, set its type in the report designer before exporting.",
        threads: &["How do I export a report to Excel and keep the formatting?"],
    },
    DemoArticle {
        section: 2,
        title: "Reporting API: limits and tokens",
        body: "Each API token may make **600 calls a minute**; the limit is per token, not per company, so \
a nightly sync can use a token of its own.

When you go over the limit the API answers `429 Too Many Requests` with a `Retry-After` header: wait \
that many seconds and try again. Create tokens under **Settings → API tokens**; each can be read-only.",
        threads: &["Rate limits on the reporting API?", "Webhook retries: what is the backoff policy?"],
    },
    DemoArticle {
        section: 2,
        title: "Единый вход через Active Directory",
        body: "Sever Analytics входит в домен через **SAML 2.0** или **OpenID Connect**.

1. В AD FS создайте доверие проверяющей стороны с адресом `https://<ваш-адрес>/sso/saml`.
2. Передайте утверждения `email` и `name`.
3. В настройках Sever Analytics включите **Единый вход** и загрузите метаданные.

Пользователи без учётной записи создаются при первом входе.",
        threads: &["Как настроить единый вход через Active Directory?"],
    },
];

/// The closed beta group's article: its members (and staff) alone read it.
const BETA_ARTICLE: (&str, &str) = (
    "Beta 5.1: known issues in the report designer",
    "Known issues in the 5.1 beta build:

- Reports with more than 40 columns open slowly (fixed in the next build).
- Custom fonts are replaced by the default one when printing.

Post what else breaks in the group's space.",
);

/// The event whose report becomes an article.
const REPORTED_EVENT: &str = "Kaliningrad meetup: reporting tips";

pub async fn seed(db: &Db, ids: &HashMap<&str, i64>, beta_group: i64) -> anyhow::Result<()> {
    let mut sections = Vec::new();
    for (title, description) in SECTIONS {
        sections.push(db.create_section(&SectionInput { title: title.into(), description: description.into() }).await?);
    }
    let author = ids["maria"];
    for demo in &ARTICLES {
        let input = ArticleInput { title: demo.title.into(), body: demo.body.into(), ..ArticleInput::default() };
        let article = db.create_article(sections[demo.section], &input, author, None, None).await?;
        for thread in demo.threads {
            let thread = db.thread_id_by_title(thread).await?.with_context(|| format!("the demo thread {thread:?}"))?;
            db.set_thread_articles(thread, &[article]).await?;
        }
    }
    let beta = ArticleInput { title: BETA_ARTICLE.0.into(), body: BETA_ARTICLE.1.into(), ..ArticleInput::default() };
    db.create_article(sections[1], &beta, ids["dmitry"], None, Some(beta_group)).await?;

    let event = db.event_by_title(REPORTED_EVENT).await?.context("the demo event with a report")?;
    let (title, body) =
        article_from_report(&format!("Report: {}", event.title), event.report.as_deref().unwrap_or_default());
    let input = ArticleInput { title, body, ..ArticleInput::default() };
    db.create_article(sections[3], &input, ids["elena"], Some(event.id), None).await?;
    Ok(())
}
