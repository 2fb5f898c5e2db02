use veche_api::Locale;
use veche_api::community::{Community, Features};

use super::Db;

impl Db {
    pub async fn community(&self) -> anyhow::Result<Option<Community>> {
        let row: Option<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT name, description, founded_on, default_locale, time_zone FROM community WHERE id = 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(name, description, founded_on, default_locale, time_zone)| Community {
            name,
            description,
            founded_on,
            default_locale: Locale::from_tag(&default_locale).unwrap_or_default(),
            locales: Locale::ALL.to_vec(),
            time_zone,
            // The areas this server implements.
            features: Features {
                threads: true,
                ideas: true,
                events: true,
                members: true,
                surveys: true,
                groups: true,
            },
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
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
