//! The demo community a new database starts with: members in every role, with the sign-ins
//! the README lists. Each feature adds its own demo content here, dated relative to today.

use chrono::Duration;
use veche_api::Locale;
use veche_api::member::{Access, CommunityRole};

use crate::db::{Db, NewMember};
use crate::{clock, tokens};

mod charter;
mod events;
pub mod groups;
mod ideas;
mod kb;
mod names;
mod profiles;
pub use crate::images::gradient_png;
mod surveys;
mod threads;

/// Every demo member signs in with this password.
pub const DEMO_PASSWORD: &str = "veche-demo";

pub struct DemoMember {
    pub handle: &'static str,
    pub name: &'static str,
    pub role: CommunityRole,
    pub access: Access,
    pub locale: Locale,
    pub position: &'static str,
    pub company: &'static str,
    /// Days before today the member joined.
    pub joined_days_ago: i64,
}

pub const DEMO_MEMBERS: &[DemoMember] = &[
    DemoMember {
        handle: "elena",
        name: "Elena Sokolova",
        role: CommunityRole::President,
        access: Access::Staff,
        locale: Locale::Ru,
        position: "Chief Executive Officer",
        company: "Sever Software",
        joined_days_ago: 1090,
    },
    DemoMember {
        handle: "maria",
        name: "Maria Ivanova",
        role: CommunityRole::Catalyst,
        access: Access::Staff,
        locale: Locale::Ru,
        position: "Community manager",
        company: "Sever Software",
        joined_days_ago: 1088,
    },
    DemoMember {
        handle: "oleg",
        name: "Oleg Smirnov",
        role: CommunityRole::Mentor,
        access: Access::Moderator,
        locale: Locale::Ru,
        position: "Support lead",
        company: "Sever Software",
        joined_days_ago: 1020,
    },
    DemoMember {
        handle: "dmitry",
        name: "Dmitry Volkov",
        role: CommunityRole::Mentor,
        access: Access::Member,
        locale: Locale::Ru,
        position: "Solutions architect",
        company: "Ural Logistics",
        joined_days_ago: 800,
    },
    DemoMember {
        handle: "sergey",
        name: "Sergey Kuznetsov",
        role: CommunityRole::Partner,
        access: Access::Member,
        locale: Locale::Ru,
        position: "Managing partner",
        company: "Integra Consulting",
        joined_days_ago: 700,
    },
    DemoMember {
        handle: "anna",
        name: "Anna Petrova",
        role: CommunityRole::Hero,
        access: Access::Member,
        locale: Locale::En,
        position: "Data analyst",
        company: "Baltic Retail",
        joined_days_ago: 640,
    },
    DemoMember {
        handle: "ivan",
        name: "Ivan Morozov",
        role: CommunityRole::Catalyst,
        access: Access::Member,
        locale: Locale::Ru,
        position: "Product owner",
        company: "Volga Bank",
        joined_days_ago: 500,
    },
    DemoMember {
        handle: "olga",
        name: "Olga Novikova",
        role: CommunityRole::Scout,
        access: Access::Member,
        locale: Locale::Ru,
        position: "IT director",
        company: "Siberia Foods",
        joined_days_ago: 365,
    },
    DemoMember {
        handle: "pavel",
        name: "Pavel Lebedev",
        role: CommunityRole::Supporter,
        access: Access::Member,
        locale: Locale::Ru,
        position: "System administrator",
        company: "Kama Energy",
        joined_days_ago: 200,
    },
    DemoMember {
        handle: "james",
        name: "James Carter",
        role: CommunityRole::Member,
        access: Access::Member,
        locale: Locale::En,
        position: "Developer",
        company: "Northwind Traders",
        joined_days_ago: 30,
    },
];

/// Fills an empty database; does nothing to one that already has a community.
pub async fn demo(db: &Db) -> anyhow::Result<()> {
    if db.community().await?.is_some() {
        return Ok(());
    }
    let today = clock::today();
    let founded_on = (today - Duration::days(1095)).format("%Y-%m-%d").to_string();
    db.create_community(
        "Sever Software Community",
        "Where customers and partners of Sever Software ask and answer questions, propose and vote on \
         ideas, meet at events across the regions, and tell us how we are doing.",
        &founded_on,
        "Europe/Moscow",
    )
    .await?;

    // One hash for all: every demo member shares the password, and hashing is slow on purpose.
    let password_hash = tokens::hash_password(DEMO_PASSWORD.to_owned()).await?;
    let now = chrono::Utc::now();
    let mut ids = std::collections::HashMap::new();
    for member in DEMO_MEMBERS {
        let email = format!("{}@example.com", member.handle);
        let created_at = clock::format(now - Duration::days(member.joined_days_ago));
        let row = db
            .insert_member(&NewMember {
                handle: member.handle,
                display_name: member.name,
                email: &email,
                password_hash: &password_hash,
                role: member.role,
                access: member.access,
                locale: member.locale,
                position: Some(member.position),
                company: Some(member.company),
                created_at: &created_at,
            })
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo member {} exists twice", member.handle))?;
        ids.insert(member.handle, row.id);
    }
    charter::seed(db).await?;
    threads::seed(db, &ids).await?;
    profiles::seed(db, &ids).await?;
    ideas::seed(db, &ids).await?;
    events::seed(db, &ids).await?;
    let beta = groups::seed(db, &ids).await?;
    kb::seed(db, &ids, beta).await?;
    names::seed(db).await?;
    surveys::seed(db, ids["elena"]).await?;
    db.refresh_all_reputation().await?;
    // The demo's addresses are not real: count them as confirmed. Only now, so the demo's past
    // (idea statuses, a cancelled event) is not mailed to anyone.
    for id in ids.values() {
        db.mark_email_verified(*id).await?;
    }
    tracing::info!(members = DEMO_MEMBERS.len(), "seeded the demo community");
    Ok(())
}
