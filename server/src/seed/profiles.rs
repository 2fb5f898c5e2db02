//! Demo profiles: cities, bios, contact details at every visibility, follows, and a small photo
//! gallery, so profiles, the directory and the leaderboard have something to show.

use std::collections::HashMap;

use veche_api::members::{ContactKind, ContactSetting, ProfileSettings, Visibility};

use crate::db::Db;
use crate::images;

struct DemoProfile {
    handle: &'static str,
    city: &'static str,
    bio: &'static str,
    contacts: &'static [(ContactKind, &'static str, Visibility)],
}

const PROFILES: &[DemoProfile] = &[
    DemoProfile {
        handle: "elena",
        city: "Moscow",
        bio: "CEO of **Sever Software**. I read every idea on the board and try to answer the hard questions myself.",
        contacts: &[(ContactKind::LinkedIn, "https://www.linkedin.com/in/example-elena", Visibility::Everyone)],
    },
    DemoProfile {
        handle: "maria",
        city: "Moscow",
        bio: "Community manager. Ask me about events, the charter or anything that is not working for you here.",
        contacts: &[
            (ContactKind::Email, "community@example.com", Visibility::Everyone),
            (ContactKind::Telegram, "@sever_community", Visibility::Members),
        ],
    },
    DemoProfile {
        handle: "oleg",
        city: "Saint Petersburg",
        bio: "Support lead and moderator. Reports, exports and single sign-on are my favourite topics.",
        contacts: &[],
    },
    DemoProfile {
        handle: "dmitry",
        city: "Yekaterinburg",
        bio: "Solutions architect at Ural Logistics: integrations, webhooks, the API.",
        contacts: &[(ContactKind::GitHub, "https://github.com/example-dmitry", Visibility::Everyone)],
    },
    DemoProfile {
        handle: "sergey",
        city: "Kazan",
        bio: "Managing partner at Integra Consulting — we implement Sever for retail and logistics companies.",
        contacts: &[
            (ContactKind::Website, "https://integra.example.com", Visibility::Everyone),
            (ContactKind::Phone, "+7 843 555-01-23", Visibility::Members),
        ],
    },
    DemoProfile {
        handle: "anna",
        city: "Kaliningrad",
        bio: "Data analyst. I build the dashboards our stores run on, and I like helping with reports here.",
        contacts: &[
            (ContactKind::Email, "anna.petrova@example.com", Visibility::Members),
            (ContactKind::Phone, "+7 401 555-77-66", Visibility::Nobody),
            (ContactKind::LinkedIn, "https://www.linkedin.com/in/example-anna", Visibility::Everyone),
        ],
    },
    DemoProfile {
        handle: "ivan",
        city: "Samara",
        bio: "Product owner at Volga Bank. Vote for the dark-mode idea!",
        contacts: &[],
    },
    DemoProfile {
        handle: "olga",
        city: "Novosibirsk",
        bio: "IT director at Siberia Foods; I run the Kazan and Novosibirsk user groups.",
        contacts: &[(ContactKind::Vk, "https://vk.com/example-olga", Visibility::Everyone)],
    },
    DemoProfile {
        handle: "pavel",
        city: "Perm",
        bio: "System administrator. Single sign-on and backups.",
        contacts: &[],
    },
    DemoProfile {
        handle: "james",
        city: "London",
        bio: "Developer at Northwind Traders, new here.",
        contacts: &[(ContactKind::X, "https://x.com/example_james", Visibility::Everyone)],
    },
];

const FOLLOWS: &[(&str, &str)] = &[
    ("anna", "oleg"),
    ("james", "oleg"),
    ("ivan", "elena"),
    ("anna", "elena"),
    ("pavel", "olga"),
    ("olga", "maria"),
    ("dmitry", "elena"),
    ("sergey", "maria"),
    ("james", "anna"),
    ("oleg", "anna"),
];

pub async fn seed(db: &Db, ids: &HashMap<&str, i64>) -> anyhow::Result<()> {
    for profile in PROFILES {
        let Some(&id) = ids.get(profile.handle) else { continue };
        let member = db.member_by_id(id).await?.ok_or_else(|| anyhow::anyhow!("no member {}", profile.handle))?;
        let settings = ProfileSettings {
            display_name: member.display_name.clone(),
            position: member.position.clone().unwrap_or_default(),
            company: member.company.clone().unwrap_or_default(),
            city: profile.city.to_owned(),
            bio: profile.bio.to_owned(),
            contacts: profile
                .contacts
                .iter()
                .map(|(kind, value, visibility)| ContactSetting {
                    kind: *kind,
                    value: (*value).to_owned(),
                    visibility: *visibility,
                })
                .collect(),
            show_votes: true,
        };
        db.save_profile(id, &settings).await?;
    }
    for (follower, followed) in FOLLOWS {
        db.set_following(ids[follower], ids[followed], true).await?;
    }
    // Anna's gallery: two pictures from a meetup (generated, so the demo needs no files).
    let anna = ids["anna"];
    for (caption, colours) in [
        ("Kaliningrad meetup, spring", [(44, 110, 200), (120, 200, 240)]),
        ("Our dashboard wall", [(30, 120, 80), (200, 230, 120)]),
    ] {
        let bytes = images::gradient_png(320, 200, colours[0], colours[1]);
        let info = images::inspect(&bytes).ok_or_else(|| anyhow::anyhow!("generated PNG not recognised"))?;
        let upload = db.insert_upload(anna, info, &bytes).await?;
        db.add_photo(anna, &upload, caption).await?;
    }
    Ok(())
}
