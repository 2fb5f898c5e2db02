use sqlx::{AssertSqlSafe, Row};
use veche_api::Locale;
use veche_api::community::{Community, CommunitySettings, CommunityStats, Features, JoinPolicy};

use super::Db;
use super::profiles::media_path;
use super::visibility::Reader;

/// The settings' row as stored.
#[derive(sqlx::FromRow)]
struct CommunityRow {
    name: String,
    description: String,
    founded_on: String,
    default_locale: String,
    time_zone: String,
    accent_color: Option<String>,
    logo_upload_id: Option<String>,
    features: String,
    join_policy: String,
    allowed_email_domains: String,
    email_confirmation_required: bool,
}

/// The areas, as the `features` column lists them.
const AREAS: [&str; 6] = ["threads", "ideas", "events", "members", "surveys", "groups"];

fn features_of(listed: &str) -> Features {
    let on = |area: &str| listed.split(',').any(|item| item == area);
    Features {
        threads: on("threads"),
        ideas: on("ideas"),
        events: on("events"),
        members: on("members"),
        surveys: on("surveys"),
        groups: on("groups"),
    }
}

fn features_column(features: &Features) -> String {
    let flags =
        [features.threads, features.ideas, features.events, features.members, features.surveys, features.groups];
    AREAS.iter().zip(flags).filter(|(_, on)| *on).map(|(area, _)| *area).collect::<Vec<_>>().join(",")
}

impl Db {
    pub async fn community(&self) -> anyhow::Result<Option<Community>> {
        // The logo only while its upload exists (it goes when its uploader's account does).
        let row: Option<CommunityRow> = sqlx::query_as(
            "SELECT name, description, founded_on, default_locale, time_zone, accent_color,
                    (SELECT id FROM uploads WHERE id = logo_upload_id) AS logo_upload_id, features, join_policy,
                    allowed_email_domains, email_confirmation_required
             FROM community WHERE id = 1",
        )
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.map(|row| Community {
            name: row.name,
            description: row.description,
            founded_on: row.founded_on,
            default_locale: Locale::from_tag(&row.default_locale).unwrap_or_default(),
            locales: Locale::ALL.to_vec(),
            time_zone: row.time_zone,
            features: features_of(&row.features),
            accent_color: row.accent_color,
            logo_url: row.logo_upload_id.as_deref().map(media_path),
            join_policy: JoinPolicy::parse(&row.join_policy),
            allowed_email_domains: row
                .allowed_email_domains
                .split(',')
                .filter(|domain| !domain.is_empty())
                .map(str::to_owned)
                .collect(),
            email_confirmation_required: row.email_confirmation_required,
        }))
    }

    /// Writes every setting (already validated).
    pub async fn update_community(&self, settings: &CommunitySettings) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE community SET name = ?, description = ?, founded_on = ?, default_locale = ?, time_zone = ?,
                    accent_color = ?, features = ?, join_policy = ?, allowed_email_domains = ?,
                    email_confirmation_required = ?
             WHERE id = 1",
        )
        .bind(&settings.name)
        .bind(settings.description.trim())
        .bind(settings.founded_on.trim())
        .bind(settings.default_locale.tag())
        .bind(settings.time_zone.trim())
        .bind(settings.accent_color.as_deref().map(str::to_ascii_lowercase))
        .bind(features_column(&settings.features))
        .bind(settings.join_policy.as_str())
        .bind(settings.allowed_email_domains.join(","))
        .bind(settings.email_confirmation_required)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Sets (or with `None` removes) the logo: an upload already checked and encoded again.
    pub async fn set_community_logo(&self, upload_id: Option<&str>) -> anyhow::Result<()> {
        sqlx::query("UPDATE community SET logo_upload_id = ? WHERE id = 1")
            .bind(upload_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Whether members must confirm their address before writing.
    pub async fn email_confirmation_required(&self) -> anyhow::Result<bool> {
        Ok(sqlx::query_scalar("SELECT email_confirmation_required FROM community WHERE id = 1")
            .fetch_optional(&mut *self.conn().await?)
            .await?
            .unwrap_or(false))
    }

    pub async fn create_community(
        &self,
        name: &str,
        description: &str,
        founded_on: &str,
        time_zone: &str,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO community (id, name, description, founded_on, default_locale, time_zone)
             VALUES (1, ?, ?, ?, 'en', ?)",
        )
        .bind(name)
        .bind(description)
        .bind(founded_on)
        .bind(time_zone)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// The home page's counters as `reader` may see them; `days` counts from `founded_on` to
    /// `today` (the community's date).
    pub async fn community_stats(&self, reader: Reader, today: chrono::NaiveDate) -> anyhow::Result<CommunityStats> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT (SELECT COUNT(*) FROM members WHERE hidden_at IS NULL AND deleted_at IS NULL) AS members,
                    (SELECT founded_on FROM community WHERE id = 1) AS founded_on,
                    {}",
            super::ideas::idea_counter_columns(reader)
        )))
        .fetch_one(&mut *self.conn().await?)
        .await?;
        let founded_on: Option<String> = row.get("founded_on");
        let founded = founded_on.and_then(|day| chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
        Ok(CommunityStats {
            members: row.get("members"),
            days: founded.map_or(0, |day| (today - day).num_days().max(0)),
            ideas: row.get("ideas"),
            votes: row.get("votes"),
            implemented: row.get("implemented"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_travel_through_their_column() {
        let some = Features { threads: true, events: true, groups: true, ..Features::default() };
        assert_eq!(features_column(&some), "threads,events,groups");
        assert_eq!(features_of(&features_column(&some)), some);
        assert_eq!(features_of(&features_column(&Features::all())), Features::all());
        assert_eq!(features_of(""), Features::default());
    }
}
