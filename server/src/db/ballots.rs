//! Ballots: staff put items to the members, who spread a fixed number of points over them while
//! the ballot is open.

use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use veche_api::ideas::BallotState;

use super::Db;
use crate::clock;

impl Db {
    pub async fn create_ballot(&self, ballot: &veche_api::ideas::NewBallot, staff_id: i64) -> anyhow::Result<i64> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let done = sqlx::query(
            "INSERT INTO ballots (title, description, points_per_member, opens_at, closes_at, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(ballot.title.trim())
        .bind(ballot.description.trim())
        .bind(ballot.points_per_member)
        .bind(&ballot.opens_at)
        .bind(&ballot.closes_at)
        .bind(staff_id)
        .bind(clock::now())
        .execute(&mut *tx)
        .await?;
        let id = done.last_insert_rowid();
        for (position, item) in ballot.items.iter().enumerate() {
            sqlx::query("INSERT INTO ballot_items (ballot_id, title, description, position) VALUES (?, ?, ?, ?)")
                .bind(id)
                .bind(item.title.trim())
                .bind(item.description.trim())
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    pub async fn ballots(&self) -> anyhow::Result<Vec<BallotRow>> {
        let rows = sqlx::query(
            "SELECT b.id, b.title, b.description, b.points_per_member, b.opens_at, b.closes_at,
                    (SELECT COUNT(DISTINCT member_id) FROM ballot_allocations a WHERE a.ballot_id = b.id) AS participants
             FROM ballots b ORDER BY b.closes_at DESC, b.id DESC",
        )
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.iter().map(ballot_row).collect())
    }

    pub async fn ballot(&self, id: i64) -> anyhow::Result<Option<BallotRow>> {
        Ok(self.ballots().await?.into_iter().find(|b| b.id == id))
    }

    /// Items of a ballot with the member's points and everyone's.
    pub async fn ballot_items(
        &self,
        ballot_id: i64,
        member: Option<i64>,
    ) -> anyhow::Result<Vec<(i64, String, String, i64, i64)>> {
        let rows = sqlx::query(
            "SELECT i.id, i.title, i.description,
                    COALESCE((SELECT points FROM ballot_allocations a WHERE a.item_id = i.id AND a.member_id = ?), 0) AS mine,
                    COALESCE((SELECT SUM(points) FROM ballot_allocations a WHERE a.item_id = i.id), 0) AS total
             FROM ballot_items i WHERE i.ballot_id = ? ORDER BY i.position, i.id",
        )
        .bind(member.unwrap_or(0))
        .bind(ballot_id)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get("title"), r.get("description"), r.get("mine"), r.get("total")))
            .collect())
    }

    /// Ends an open ballot at `now`, so its results show at once. Answers whether it was open.
    pub async fn close_ballot(&self, id: i64, now: &str) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE ballots SET closes_at = ? WHERE id = ? AND opens_at <= ? AND closes_at > ?")
            .bind(now)
            .bind(id)
            .bind(now)
            .bind(now)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Replaces a member's spread of points on a ballot.
    pub async fn allocate(&self, ballot_id: i64, member_id: i64, allocations: &[(i64, i64)]) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("DELETE FROM ballot_allocations WHERE ballot_id = ? AND member_id = ?")
            .bind(ballot_id)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        for (item, points) in allocations.iter().filter(|(_, p)| *p > 0) {
            sqlx::query("INSERT INTO ballot_allocations (ballot_id, item_id, member_id, points) VALUES (?, ?, ?, ?)")
                .bind(ballot_id)
                .bind(item)
                .bind(member_id)
                .bind(points)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

pub struct BallotRow {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub points_per_member: i64,
    pub opens_at: String,
    pub closes_at: String,
    pub participants: i64,
}

impl BallotRow {
    pub fn state(&self, now: &str) -> BallotState {
        if now < self.opens_at.as_str() {
            BallotState::Upcoming
        } else if now < self.closes_at.as_str() {
            BallotState::Open
        } else {
            BallotState::Closed
        }
    }
}

fn ballot_row(r: &SqliteRow) -> BallotRow {
    BallotRow {
        id: r.get("id"),
        title: r.get("title"),
        description: r.get("description"),
        points_per_member: r.get("points_per_member"),
        opens_at: r.get("opens_at"),
        closes_at: r.get("closes_at"),
        participants: r.get("participants"),
    }
}
