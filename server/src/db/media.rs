//! Uploaded images and members' photo galleries.

use sqlx::Row;
use veche_api::members::Photo;

use super::Db;
use super::profiles::media_path;
use crate::images::ImageInfo;
use crate::{clock, tokens};

impl Db {
    /// Stores an image already checked by `images::inspect`; answers its id.
    pub async fn insert_upload(&self, member_id: i64, info: ImageInfo, bytes: &[u8]) -> anyhow::Result<String> {
        let id = tokens::random_token(12);
        sqlx::query(
            "INSERT INTO uploads (id, member_id, content_type, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&id)
        .bind(member_id)
        .bind(info.content_type)
        .bind(i64::from(info.width))
        .bind(i64::from(info.height))
        .bind(bytes)
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(id)
    }

    /// An upload's type and bytes.
    pub async fn upload(&self, id: &str) -> anyhow::Result<Option<(String, Vec<u8>)>> {
        let row = sqlx::query("SELECT content_type, bytes FROM uploads WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.map(|row| (row.get("content_type"), row.get("bytes"))))
    }

    pub async fn photos(&self, member_id: i64) -> anyhow::Result<Vec<Photo>> {
        let rows = sqlx::query(
            "SELECT p.id, p.upload_id, p.caption, u.width, u.height FROM photos p JOIN uploads u ON u.id = p.upload_id
             WHERE p.member_id = ? ORDER BY p.position, p.id",
        )
        .bind(member_id)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|row| Photo {
                id: row.get::<i64, _>("id").to_string(),
                url: media_path(row.get("upload_id")),
                caption: row.get("caption"),
                width: row.get("width"),
                height: row.get("height"),
            })
            .collect())
    }

    pub async fn add_photo(&self, member_id: i64, upload_id: &str, caption: &str) -> anyhow::Result<i64> {
        let done = sqlx::query(
            "INSERT INTO photos (member_id, upload_id, caption, position, created_at)
             SELECT ?1, ?2, ?3, COALESCE(MAX(position), -1) + 1, ?4 FROM photos WHERE member_id = ?1",
        )
        .bind(member_id)
        .bind(upload_id)
        .bind(caption.trim())
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.last_insert_rowid())
    }

    /// The owner of a photo.
    pub async fn photo_owner(&self, photo_id: i64) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT member_id FROM photos WHERE id = ?")
            .bind(photo_id)
            .fetch_optional(&mut *self.conn().await?)
            .await?)
    }

    pub async fn set_photo_caption(&self, photo_id: i64, caption: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE photos SET caption = ? WHERE id = ?")
            .bind(caption.trim())
            .bind(photo_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn delete_photo(&self, photo_id: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM photos WHERE id = ?").bind(photo_id).execute(&mut *self.conn().await?).await?;
        Ok(())
    }

    /// Puts a member's photos in the given order (`ids` must be exactly their photos).
    pub async fn reorder_photos(&self, member_id: i64, ids: &[i64]) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        for (position, id) in ids.iter().enumerate() {
            sqlx::query("UPDATE photos SET position = ? WHERE id = ? AND member_id = ?")
                .bind(position as i64)
                .bind(id)
                .bind(member_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn photo_count(&self, member_id: i64) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM photos WHERE member_id = ?")
            .bind(member_id)
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }
}
