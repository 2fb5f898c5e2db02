//! Demo ideas: every status, official answers, a merged duplicate, enough open ideas to spend a
//! vote budget on, comments, and two ballots (one open, one closed with results).

use std::collections::HashMap;

use chrono::{Duration, Utc};
use veche_api::ideas::{IdeaStatus, NewBallot, NewBallotItem};

use crate::clock;
use crate::db::Db;

const CATEGORIES: &[(&str, &str)] = &[
    ("reports", "Reports & dashboards"),
    ("integrations", "Integrations & API"),
    ("mobile", "Mobile"),
    ("administration", "Administration"),
    ("community", "Community"),
];

struct DemoIdea {
    category: &'static str,
    author: &'static str,
    title: &'static str,
    body: &'static str,
    days_ago: i64,
    voters: &'static [&'static str],
    /// Status changes after proposal, with the official answer.
    steps: &'static [(IdeaStatus, &'static str)],
    comments: &'static [(&'static str, &'static str)],
}

const IDEAS: &[DemoIdea] = &[
    DemoIdea {
        category: "reports",
        author: "ivan",
        title: "Dark mode for dashboards",
        body: "Our night shift watches dashboards for hours. A **dark theme** would be easier on the eyes.",
        days_ago: 120,
        voters: &["anna", "pavel", "olga", "james", "dmitry", "sergey"],
        steps: &[
            (IdeaStatus::UnderReview, "Thanks! We are looking at how dark mode fits the new design system."),
            (IdeaStatus::Planned, "Planned for the spring release."),
            (IdeaStatus::InProgress, "Design is done; development has started."),
            (
                IdeaStatus::Implemented,
                "Dark mode shipped in 5.0 — switch it on in *Settings → Appearance*. Thank you all for the votes!",
            ),
        ],
        comments: &[
            ("anna", "Finally! Works great on our wall screens."),
            ("maria", "Thank you for 40+ votes on this one."),
        ],
    },
    DemoIdea {
        category: "reports",
        author: "anna",
        title: "Schedule reports to send as Excel attachments",
        body: "Scheduled reports only send a link today. Many of our managers read them on the go and want the **XLSX attached**.",
        days_ago: 60,
        voters: &["james", "olga", "sergey", "dmitry"],
        steps: &[
            (IdeaStatus::UnderReview, "Reviewing with the reporting team."),
            (IdeaStatus::Planned, "Planned for Q1: attachments up to 10 MB."),
        ],
        comments: &[("oleg", "Until then: *Export → Subscribe* sends a CSV link.")],
    },
    DemoIdea {
        category: "integrations",
        author: "dmitry",
        title: "Webhooks for order status changes",
        body: "Let us subscribe to `order.status_changed` so our warehouse system does not have to poll.",
        days_ago: 45,
        voters: &["sergey", "james", "ivan"],
        steps: &[(IdeaStatus::InProgress, "In development; beta testers wanted — reply here!")],
        comments: &[("sergey", "Integra would happily test this with two clients.")],
    },
    DemoIdea {
        category: "mobile",
        author: "pavel",
        title: "Offline mode for the mobile app",
        body: "Warehouses have dead zones. Let the app keep working offline and sync later.",
        days_ago: 30,
        voters: &["olga", "ivan", "anna"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "administration",
        author: "olga",
        title: "Single sign-on with Google Workspace",
        body: "We already have SAML; many small companies use Google Workspace and want one-click sign-in.",
        days_ago: 25,
        voters: &["pavel", "james"],
        steps: &[(IdeaStatus::UnderReview, "Looking into OIDC support, which covers Google and more.")],
        comments: &[],
    },
    DemoIdea {
        category: "reports",
        author: "sergey",
        title: "Share a dashboard with a public link",
        body: "For partners who do not have accounts: a read-only link that expires.",
        days_ago: 20,
        voters: &["dmitry"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "community",
        author: "maria",
        title: "Regional meetups every quarter",
        body: "Should we hold customer meetups in every region each quarter? Vote if you would come.",
        days_ago: 18,
        voters: &["olga", "pavel", "ivan", "anna", "dmitry"],
        steps: &[(IdeaStatus::Planned, "Yes — the calendar for next year is being planned now.")],
        comments: &[("olga", "Kazan and Novosibirsk are in!")],
    },
    DemoIdea {
        category: "mobile",
        author: "james",
        title: "Push notifications for approvals",
        body: "Approvers miss requests because they only see them in the web app.",
        days_ago: 12,
        voters: &["anna"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "integrations",
        author: "ivan",
        title: "Export to Power BI",
        body: "A connector for Power BI would save us the nightly CSV export.",
        days_ago: 10,
        voters: &["anna", "olga"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "administration",
        author: "pavel",
        title: "Audit log export",
        body: "Security asks for the audit log as a file every month.",
        days_ago: 9,
        voters: &[],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "reports",
        author: "olga",
        title: "Conditional formatting in exports",
        body: "Keep the colours of conditional formatting when exporting to Excel.",
        days_ago: 8,
        voters: &["anna"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "mobile",
        author: "anna",
        title: "Tablet layout for dashboards",
        body: "Dashboards on tablets show the phone layout; use the space.",
        days_ago: 7,
        voters: &[],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "community",
        author: "ivan",
        title: "Video recordings of webinars",
        body: "Post recordings of online sessions for those in other time zones.",
        days_ago: 6,
        voters: &["james"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "integrations",
        author: "james",
        title: "Official Python client for the API",
        body: "A maintained Python package would make scripts much easier.",
        days_ago: 5,
        voters: &["dmitry"],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "administration",
        author: "sergey",
        title: "Bulk user import from CSV",
        body: "Creating users one by one does not scale for new clients.",
        days_ago: 4,
        voters: &[],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "community",
        author: "olga",
        title: "Мастер-классы для новых администраторов",
        body: "Короткие онлайн-занятия для тех, кто только начинает администрировать систему.",
        days_ago: 3,
        voters: &["pavel"],
        steps: &[],
        comments: &[("pavel", "Поддерживаю, особенно про резервное копирование.")],
    },
    DemoIdea {
        category: "integrations",
        author: "sergey",
        title: "Two-way sync with 1C",
        body: "Partners need orders and stock to flow both ways between Sever and 1C.",
        days_ago: 2,
        voters: &[],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "mobile",
        author: "dmitry",
        title: "Barcode scanning in the mobile app",
        body: "Scan a product to open its card instead of searching by hand.",
        days_ago: 1,
        voters: &[],
        steps: &[],
        comments: &[],
    },
    DemoIdea {
        category: "integrations",
        author: "pavel",
        title: "Import from CSV files larger than 100 MB",
        body: "Our nightly exports are 300 MB. Today we split them by hand before importing.",
        days_ago: 170,
        voters: &[],
        steps: &[
            (IdeaStatus::Planned, "Planned: streaming import without a size limit."),
            (IdeaStatus::Implemented, "Shipped in 4.8: files of any size are imported as a stream."),
        ],
        comments: &[],
    },
    DemoIdea {
        category: "administration",
        author: "olga",
        title: "Copy a role with all its permissions",
        body: "Setting up similar roles means ticking the same fifty boxes again.",
        days_ago: 140,
        voters: &[],
        steps: &[
            (IdeaStatus::UnderReview, "Good point — looking at it."),
            (IdeaStatus::Implemented, "Done: *Roles → Copy* makes a new role with the same permissions."),
        ],
        comments: &[],
    },
    DemoIdea {
        category: "reports",
        author: "dmitry",
        title: "Print-friendly dashboards",
        body: "Printing a dashboard cuts charts in half.",
        days_ago: 50,
        voters: &["pavel"],
        steps: &[(
            IdeaStatus::Declined,
            "We will not build print layouts: *Export → PDF* now produces print-ready pages instead.",
        )],
        comments: &[],
    },
    DemoIdea {
        category: "reports",
        author: "james",
        title: "Dark theme for the dashboard",
        body: "Please add a dark theme to the dashboards.",
        days_ago: 100,
        voters: &["ivan", "olga"],
        steps: &[],
        comments: &[],
    },
];

pub async fn seed(db: &Db, ids: &HashMap<&str, i64>) -> anyhow::Result<()> {
    let mut categories = HashMap::new();
    for (position, (slug, name)) in CATEGORIES.iter().enumerate() {
        categories.insert(*slug, db.create_idea_category(slug, name, position as i64).await?);
    }
    let now = Utc::now();
    let staff = ids["maria"];
    let mut created = Vec::new();
    for idea in IDEAS {
        let at = now - Duration::days(idea.days_ago);
        let id = db
            .create_idea(ids[idea.author], categories[idea.category], idea.title, idea.body, &clock::format(at))
            .await?;
        for voter in idea.voters {
            db.vote(id, ids[voter], true)
                .await?
                .map_err(|refusal| anyhow::anyhow!("demo vote refused: {refusal:?}"))?;
        }
        // The steps are spread evenly between the proposal and today.
        let steps = idea.steps.len() as i32;
        for (step, (status, answer)) in (1..).zip(idea.steps) {
            db.set_idea_status(id, *status, answer, staff).await?;
            let changed = at + (now - at) * step / (steps + 1);
            db.date_latest_status_change(id, &clock::format(changed)).await?;
        }
        let discussion = db.idea(id, None).await?.map(|i| i.discussion_id).unwrap_or_default();
        for (author, body) in idea.comments {
            db.create_reply(discussion, ids[author], body, None, &clock::now()).await?;
        }
        created.push((idea.title, id));
    }
    // The second dark-theme idea duplicates the first: merged, its votes carried over.
    let find = |title: &str| created.iter().find(|(t, _)| *t == title).map(|(_, id)| *id).unwrap_or_default();
    db.merge_ideas(
        find("Dark theme for the dashboard"),
        find("Dark mode for dashboards"),
        "Same request as “Dark mode for dashboards” — votes were moved there.",
        staff,
    )
    .await?;

    let ballot = |title: &str, opens: i64, closes: i64| {
        NewBallot {
        title: title.to_owned(),
        description: "Spread your points over the improvements you want most; results are announced at the regional customer meetings.".to_owned(),
        points_per_member: 10,
        opens_at: clock::format(now + Duration::days(opens)),
        closes_at: clock::format(now + Duration::days(closes)),
        items: ["Faster report loading", "More chart types", "Role-based dashboards", "Excel add-in", "Audit log export"]
            .iter()
            .map(|t| NewBallotItem { title: (*t).to_owned(), description: String::new() })
            .collect(),
    }
    };
    let open = db.create_ballot(&ballot("Priorities for next year", -3, 10), staff).await?;
    let closed = db.create_ballot(&ballot("Priorities for this year", -60, -20), staff).await?;
    let items = db.ballot_items(closed, None).await?;
    for (member, spread) in
        [("anna", [5, 3, 2, 0, 0]), ("ivan", [2, 6, 0, 2, 0]), ("olga", [4, 0, 4, 0, 2]), ("dmitry", [0, 0, 10, 0, 0])]
    {
        let allocations: Vec<(i64, i64)> = items.iter().zip(spread).map(|(item, points)| (item.0, points)).collect();
        db.allocate(closed, ids[member], &allocations).await?;
    }
    let open_items = db.ballot_items(open, None).await?;
    db.allocate(open, ids["olga"], &[(open_items[0].0, 7), (open_items[2].0, 3)]).await?;
    Ok(())
}
