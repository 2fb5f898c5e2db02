//! The words staff write per language for spaces, idea categories and groups: English in
//! `name`/`description`, Russian in `name_ru`/`description_ru` (empty: not written). Answers
//! pick the reader's with `crate::language::pick`, and carry both as `translations`.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::names::{NameText, Translations, WordsChange};

use super::Db;

/// What has words per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Space,
    IdeaCategory,
    Group,
}

impl Named {
    fn table(self) -> &'static str {
        match self {
            Named::Space => "spaces",
            Named::IdeaCategory => "idea_categories",
            Named::Group => "groups",
        }
    }
}

/// Both languages' words of a row that selected `name`, `description`, `name_ru` and
/// `description_ru`.
pub fn translations(row: &SqliteRow) -> Translations {
    Translations::new(
        NameText { name: row.get("name"), description: row.get("description") },
        NameText { name: row.get("name_ru"), description: row.get("description_ru") },
    )
}

impl Db {
    /// Sets the Russian words of one space, category or group (by slug); answers whether it exists.
    pub async fn set_russian_words(&self, named: Named, slug: &str, russian: &NameText) -> anyhow::Result<bool> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let done = sqlx::query(AssertSqlSafe(format!(
            "UPDATE {} SET name_ru = ?, description_ru = ? WHERE slug = ?",
            named.table()
        )))
        .bind(russian.name.trim())
        .bind(russian.description.trim())
        .bind(slug)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Sets both languages' words of one space or category (by slug); answers whether it exists.
    pub async fn set_words(&self, named: Named, slug: &str, words: &WordsChange) -> anyhow::Result<bool> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let done = sqlx::query(AssertSqlSafe(format!(
            "UPDATE {} SET name = ?, description = ?, name_ru = ?, description_ru = ? WHERE slug = ?",
            named.table()
        )))
        .bind(words.en.name.trim())
        .bind(words.en.description.trim())
        .bind(words.ru.name.trim())
        .bind(words.ru.description.trim())
        .bind(slug)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }
}
