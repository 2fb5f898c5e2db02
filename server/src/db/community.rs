use sqlx::{AssertSqlSafe, Row};
use veche_api::Locale;
use veche_api::community::{Community, CommunityStats, Features};

use super::Db;
use crate::access::Reader;

impl Db {
    pub async fn community(&self) -> anyhow::Result<Option<Community>> {
        let row: Option<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT name, description, founded_on, default_locale, time_zone FROM community WHERE id = 1",
        )
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.map(|(name, description, founded_on, default_locale, time_zone)| Community {
            name,
            description,
            founded_on,
            default_locale: Locale::from_tag(&default_locale).unwrap_or_default(),
            locales: Locale::ALL.to_vec(),
            time_zone,
            // The areas this server implements.
            features: Features { threads: true, ideas: true, events: true, members: true, surveys: true, groups: true },
        }))
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
