//! `veche-server init`: founds a company's own community on a new database — its name and time
//! zone and the first staff member, who then signs in and sets up the rest in the app
//! (`/admin/settings`, `/admin/sign-in`, …). Without it a server started with `VECHE_SEED=none`
//! has no community to serve.

use std::path::Path;

use anyhow::bail;
use veche_api::Locale;
use veche_api::member::{Access, CommunityRole};
use veche_api::validate::{self, Issue};

use crate::config::Founding;
use crate::db::{Db, NewMember};
use crate::{clock, tokens};

/// Founds the community on `database` (created if new); changes nothing where one exists.
pub async fn init(database: &Path, founding: &Founding) -> anyhow::Result<String> {
    let name = validate::names::normalize(&founding.name);
    let admin_name = validate::names::normalize(founding.admin_name.as_deref().unwrap_or(&founding.admin_handle));
    let (password, made) = match &founding.admin_password {
        Some(password) => (password.clone(), false),
        None => (tokens::random_token(12), true),
    };
    let problems: Vec<String> = [
        ("--name", validate::name(&name, 2, validate::COMMUNITY_NAME_MAX)),
        ("--admin-handle", validate::handle(&founding.admin_handle)),
        ("--admin-email", validate::email(&founding.admin_email)),
        ("--admin-name", validate::name(&admin_name, 2, validate::DISPLAY_NAME_MAX)),
        ("--admin-password", validate::password(&password)),
        ("--time-zone", founding.time_zone.parse::<chrono_tz::Tz>().err().map(|_| Issue::Invalid)),
    ]
    .into_iter()
    .filter_map(|(flag, issue)| issue.map(|issue| format!("{flag}: {}", issue.message(Locale::En))))
    .collect();
    if !problems.is_empty() {
        bail!("nothing was changed:\n  {}", problems.join("\n  "));
    }
    let db = Db::open(database).await?;
    if let Some(community) = db.community().await? {
        db.close().await;
        return Ok(format!(
            "{} already holds the community \"{}\"; nothing was changed",
            database.display(),
            community.name
        ));
    }
    let today = clock::today().format("%Y-%m-%d").to_string();
    db.create_community(&name, "", &today, &founding.time_zone).await?;
    let hash = tokens::hash_password(password.clone()).await?;
    db.insert_member(&NewMember {
        handle: &founding.admin_handle,
        display_name: &admin_name,
        email: &founding.admin_email,
        password_hash: &hash,
        role: CommunityRole::Member,
        access: Access::Staff,
        locale: Locale::En,
        position: None,
        company: None,
        created_at: &clock::now(),
    })
    .await?;
    db.close().await;
    let password =
        if made { format!(" with the password {password} (change it on /account/security)") } else { String::new() };
    Ok(format!(
        "founded \"{name}\" in {}: sign in as {}{password}, then set the community up on /admin/settings",
        database.display(),
        founding.admin_handle
    ))
}
