use sqlx::Row;
use veche_api::charter::{Charter, CharterInput, CharterText};

use super::Db;
use crate::clock;

impl Db {
    /// The charter; empty (version 0) until one is written.
    pub async fn charter(&self) -> anyhow::Result<Charter> {
        let row = sqlx::query("SELECT text_en, text_ru, version, updated_at FROM charter WHERE id = 1")
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        let Some(row) = row else {
            return Ok(Charter {
                en: CharterText::default(),
                ru: CharterText::default(),
                version: 0,
                updated_at: None,
            });
        };
        Ok(Charter {
            en: serde_json::from_str(row.get("text_en"))?,
            ru: serde_json::from_str(row.get("text_ru"))?,
            version: row.get("version"),
            updated_at: row.get("updated_at"),
        })
    }

    /// Saves an edit made from `input.version`; `false` when the charter changed since then.
    pub async fn save_charter(&self, input: &CharterInput, editor: Option<i64>) -> anyhow::Result<bool> {
        let (en, ru) = (serde_json::to_string(&input.en)?, serde_json::to_string(&input.ru)?);
        let updated_at = editor.map(|_| clock::now());
        let done = sqlx::query(
            "INSERT INTO charter (id, text_en, text_ru, version, updated_at, updated_by) VALUES (1, ?1, ?2, 1, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET text_en = ?1, text_ru = ?2, version = version + 1, updated_at = ?4,
                 updated_by = ?5
             WHERE charter.version = ?3",
        )
        .bind(en)
        .bind(ru)
        .bind(input.version)
        .bind(updated_at)
        .bind(editor)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
