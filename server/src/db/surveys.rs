//! NPS and eNPS surveys: configuration, answers and their follow-ups, in-app dismissals, and the
//! numbers of the results dashboard (their periods are `trend`'s, the arithmetic the shared
//! crate's `Tally`).

use chrono::{Duration, NaiveDate, Utc};
use sqlx::query::Query;
use sqlx::sqlite::{Sqlite, SqliteArguments, SqliteRow};
use sqlx::{AssertSqlSafe, Row};
use veche_api::surveys::{
    Category, FollowUpInput, PublicSurvey, ResponseInput, SCORE_MAX, Survey, SurveyInput, SurveyResponse,
    SurveyResults, SurveyTexts, Tally, Throttle,
};

use super::Db;
use super::page_of;
use crate::clock;
use crate::trend::{Bucket, DayCount, summarize};

/// A survey as stored.
#[derive(Clone, Debug)]
pub struct SurveyRow {
    pub id: i64,
    pub input: SurveyInput,
    pub created_at: String,
}

impl SurveyRow {
    /// Active and within its dates on `today`.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        let today = today.format("%Y-%m-%d").to_string();
        self.input.active
            && self.input.starts_on.as_deref().is_none_or(|start| start <= today.as_str())
            && self.input.ends_on.as_deref().is_none_or(|end| end >= today.as_str())
    }

    pub fn allows_origin(&self, origin: &str) -> bool {
        self.input.allowed_origins.iter().any(|allowed| allowed == origin)
    }

    /// What the embed and the in-app banner read.
    pub fn public(&self, today: NaiveDate) -> PublicSurvey {
        PublicSurvey {
            id: self.id.to_string(),
            kind: self.input.kind.clone(),
            company: self.input.company.clone(),
            texts_en: self.input.texts_en.clone(),
            texts_ru: self.input.texts_ru.clone(),
            throttle: self.input.throttle.clone(),
            open: self.is_open(today),
        }
    }
}

const SURVEY_SELECT: &str = "SELECT id, name, kind, company, texts_en, texts_ru, allowed_origins, days_after_answer,
       days_after_dismiss, sample_percent, min_visits, in_app, starts_on, ends_on, active, created_at FROM surveys";

fn survey_row(row: &SqliteRow) -> SurveyRow {
    let texts = |column: &str| serde_json::from_str::<SurveyTexts>(row.get(column)).unwrap_or_default();
    SurveyRow {
        id: row.get("id"),
        input: SurveyInput {
            name: row.get("name"),
            kind: row.get("kind"),
            company: row.get("company"),
            texts_en: texts("texts_en"),
            texts_ru: texts("texts_ru"),
            allowed_origins: serde_json::from_str(row.get("allowed_origins")).unwrap_or_default(),
            throttle: Throttle {
                days_after_answer: row.get::<i64, _>("days_after_answer") as u32,
                days_after_dismiss: row.get::<i64, _>("days_after_dismiss") as u32,
                sample_percent: row.get::<i64, _>("sample_percent") as u8,
                min_visits: row.get::<i64, _>("min_visits") as u32,
            },
            in_app: row.get("in_app"),
            starts_on: row.get("starts_on"),
            ends_on: row.get("ends_on"),
            active: row.get("active"),
        },
        created_at: row.get("created_at"),
    }
}

/// A survey's texts as stored: trimmed.
fn trimmed(texts: &SurveyTexts) -> String {
    let texts = SurveyTexts {
        question: texts.question.trim().to_owned(),
        detractor: texts.detractor.trim().to_owned(),
        passive: texts.passive.trim().to_owned(),
        promoter: texts.promoter.trim().to_owned(),
    };
    serde_json::to_string(&texts).unwrap_or_default()
}

const RESPONSE_SELECT: &str =
    "SELECT id, score, comment, contact_ok, contact_email, respondent, segment, source, locale,
       created_at FROM survey_responses";

fn response_row(row: &SqliteRow) -> SurveyResponse {
    let score = row.get::<i64, _>("score") as u8;
    SurveyResponse {
        id: row.get("id"),
        score,
        category: Category::of(score).unwrap_or(Category::Unknown).as_str().to_owned(),
        comment: row.get("comment"),
        contact_ok: row.get("contact_ok"),
        contact_email: row.get("contact_email"),
        respondent: row.get("respondent"),
        segment: row.get("segment"),
        source: row.get("source"),
        locale: row.get("locale"),
        created_at: row.get("created_at"),
    }
}

/// Which answers a result, a list or an export covers.
#[derive(Clone, Debug, Default)]
pub struct ResponseFilter {
    /// First and last day, inclusive (UTC).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub source: Option<String>,
    pub segment: Option<String>,
}

/// The filter as SQL over `survey_responses`, its parameters ?1…?5 bound by `bind_filter`.
const FILTER_SQL: &str = "survey_id = ?1 AND (?2 IS NULL OR created_at >= ?2) AND (?3 IS NULL OR created_at < ?3)
       AND (?4 IS NULL OR source = ?4) AND (?5 IS NULL OR segment = ?5)";

fn day_start(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

fn bind_filter<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    survey_id: i64,
    filter: &ResponseFilter,
) -> Query<'q, Sqlite, SqliteArguments> {
    query
        .bind(survey_id)
        .bind(filter.from.map(day_start))
        .bind(filter.to.map(|to| day_start(to + Duration::days(1))))
        .bind(filter.source.clone())
        .bind(filter.segment.clone())
}

/// Which comments the staff list shows, beyond the filter.
#[derive(Clone, Debug, Default)]
pub struct CommentFilter {
    pub category: Option<Category>,
    /// Part of the comment, any case.
    pub search: String,
    /// Only answers with a comment.
    pub with_comment: bool,
    pub offset: i64,
    pub limit: i64,
}

/// What became of an answer.
pub enum Recorded {
    Created(SurveyResponse),
    /// The same id was answered before: the stored record, unchanged.
    Existing(SurveyResponse),
    /// The id belongs to an answer to another survey.
    OtherSurvey,
}

/// The scores of a category, as an SQL list (the boundaries stay in `Category::of`).
fn scores_of(category: Category) -> String {
    let scores: Vec<String> =
        (0..=SCORE_MAX).filter(|score| Category::of(*score) == Some(category)).map(|s| s.to_string()).collect();
    format!("({})", scores.join(", "))
}

/// `text` as a LIKE pattern matching it anywhere.
fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Binds a survey's configuration, in the column order `name` … `active` both writes use.
fn bind_survey<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    input: &'q SurveyInput,
) -> anyhow::Result<Query<'q, Sqlite, SqliteArguments>> {
    Ok(query
        .bind(input.name.trim())
        .bind(&input.kind)
        .bind(input.company.trim())
        .bind(trimmed(&input.texts_en))
        .bind(trimmed(&input.texts_ru))
        .bind(serde_json::to_string(&input.allowed_origins)?)
        .bind(i64::from(input.throttle.days_after_answer))
        .bind(i64::from(input.throttle.days_after_dismiss))
        .bind(i64::from(input.throttle.sample_percent))
        .bind(i64::from(input.throttle.min_visits))
        .bind(input.in_app)
        .bind(&input.starts_on)
        .bind(&input.ends_on)
        .bind(input.active))
}

impl Db {
    pub async fn create_survey(&self, input: &SurveyInput, created_by: Option<i64>, at: &str) -> anyhow::Result<i64> {
        let sql = "INSERT INTO surveys (name, kind, company, texts_en, texts_ru, allowed_origins, days_after_answer,
                                  days_after_dismiss, sample_percent, min_visits, in_app, starts_on, ends_on,
                                  active, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        let done =
            bind_survey(sqlx::query(sql), input)?.bind(created_by).bind(at).execute(&mut *self.conn().await?).await?;
        Ok(done.last_insert_rowid())
    }

    /// Replaces a survey's configuration; its answers stay.
    pub async fn update_survey(&self, id: i64, input: &SurveyInput) -> anyhow::Result<()> {
        let sql = "UPDATE surveys SET name = ?, kind = ?, company = ?, texts_en = ?, texts_ru = ?, allowed_origins = ?,
                    days_after_answer = ?, days_after_dismiss = ?, sample_percent = ?, min_visits = ?, in_app = ?,
                    starts_on = ?, ends_on = ?, active = ?
             WHERE id = ?";
        bind_survey(sqlx::query(sql), input)?.bind(id).execute(&mut *self.conn().await?).await?;
        Ok(())
    }

    pub async fn survey(&self, id: i64) -> anyhow::Result<Option<SurveyRow>> {
        let row = sqlx::query(AssertSqlSafe(format!("{SURVEY_SELECT} WHERE id = ?")))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.as_ref().map(survey_row))
    }

    /// Answer counts of every survey (or one), by score.
    async fn survey_tallies(&self, only: Option<i64>) -> anyhow::Result<Vec<(i64, Tally)>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT survey_id, score, COUNT(*) FROM survey_responses WHERE (?1 IS NULL OR survey_id = ?1)
             GROUP BY survey_id, score ORDER BY survey_id",
        )
        .bind(only)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let mut tallies: Vec<(i64, Tally)> = Vec::new();
        for (survey_id, score, count) in rows {
            if tallies.last().is_none_or(|(id, _)| *id != survey_id) {
                tallies.push((survey_id, Tally::default()));
            }
            if let Some((_, tally)) = tallies.last_mut() {
                for _ in 0..count {
                    tally.add(score as u8);
                }
            }
        }
        Ok(tallies)
    }

    fn survey_view(row: SurveyRow, tally: Tally) -> Survey {
        Survey {
            id: row.id.to_string(),
            input: row.input,
            created_at: row.created_at,
            response_count: tally.total(),
            nps: tally.nps_rounded(),
        }
    }

    /// A survey with its answer count and current score.
    pub async fn survey_with_counts(&self, id: i64) -> anyhow::Result<Option<Survey>> {
        let Some(row) = self.survey(id).await? else {
            return Ok(None);
        };
        let tally = self.survey_tallies(Some(id)).await?.into_iter().next().map(|(_, t)| t).unwrap_or_default();
        Ok(Some(Self::survey_view(row, tally)))
    }

    /// Every survey, newest first.
    pub async fn surveys(&self) -> anyhow::Result<Vec<Survey>> {
        let rows = sqlx::query(AssertSqlSafe(format!("{SURVEY_SELECT} ORDER BY created_at DESC, id DESC")))
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let tallies = self.survey_tallies(None).await?;
        Ok(rows
            .iter()
            .map(survey_row)
            .map(|row| {
                let tally = tallies.iter().find(|(id, _)| *id == row.id).map(|(_, t)| *t).unwrap_or_default();
                Self::survey_view(row, tally)
            })
            .collect())
    }

    pub async fn survey_response(&self, id: &str) -> anyhow::Result<Option<(i64, SurveyResponse)>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT survey_id, {} WHERE id = ?",
            RESPONSE_SELECT.trim_start_matches("SELECT ")
        )))
        .bind(id)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.map(|row| (row.get("survey_id"), response_row(&row))))
    }

    /// Stores an answer once: the same id again leaves the first answer as it was.
    pub async fn record_response(
        &self,
        survey_id: i64,
        input: &ResponseInput,
        source: Option<&str>,
        member_id: Option<i64>,
        at: &str,
    ) -> anyhow::Result<Recorded> {
        let label =
            |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let inserted = sqlx::query(
            "INSERT INTO survey_responses (id, survey_id, score, respondent, segment, source, locale, member_id,
                                           created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&input.id)
        .bind(survey_id)
        .bind(i64::from(input.score))
        .bind(label(&input.respondent))
        .bind(label(&input.segment))
        .bind(source)
        .bind(label(&input.locale))
        .bind(member_id)
        .bind(at)
        .execute(&mut *self.conn().await?)
        .await?
        .rows_affected()
            == 1;
        let (stored_survey, response) = self
            .survey_response(&input.id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the answer {} vanished after it was stored", input.id))?;
        Ok(match () {
            _ if stored_survey != survey_id => Recorded::OtherSurvey,
            _ if inserted => Recorded::Created(response),
            _ => Recorded::Existing(response),
        })
    }

    /// Attaches (or replaces) the follow-up of a stored answer; `None` when there is no such answer.
    pub async fn follow_up(
        &self,
        survey_id: i64,
        response_id: &str,
        input: &FollowUpInput,
        at: &str,
    ) -> anyhow::Result<Option<SurveyResponse>> {
        let comment = Some(input.comment.trim()).filter(|c| !c.is_empty());
        let email = input.contact_email.as_deref().map(str::trim).filter(|e| !e.is_empty());
        let updated = sqlx::query(
            "UPDATE survey_responses SET comment = ?, comment_folded = ?, contact_ok = ?, contact_email = ?,
                    followed_up_at = ?
             WHERE id = ? AND survey_id = ?",
        )
        .bind(comment)
        .bind(comment.map(str::to_lowercase))
        .bind(input.contact_ok)
        .bind(email)
        .bind(at)
        .bind(response_id)
        .bind(survey_id)
        .execute(&mut *self.conn().await?)
        .await?
        .rows_affected();
        if updated == 0 {
            return Ok(None);
        }
        Ok(self.survey_response(response_id).await?.map(|(_, response)| response))
    }

    pub async fn dismiss_survey(&self, survey_id: i64, member_id: i64, at: &str) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO survey_dismissals (survey_id, member_id, dismissed_at) VALUES (?, ?, ?)
             ON CONFLICT (survey_id, member_id) DO UPDATE SET dismissed_at = excluded.dismissed_at",
        )
        .bind(survey_id)
        .bind(member_id)
        .bind(at)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// The first open in-app survey this member has neither answered nor dismissed lately.
    pub async fn in_app_survey_due(&self, member_id: i64) -> anyhow::Result<Option<SurveyRow>> {
        let today = clock::today();
        let rows = sqlx::query(AssertSqlSafe(format!("{SURVEY_SELECT} WHERE in_app = 1 AND active = 1 ORDER BY id")))
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let now = Utc::now();
        for survey in rows.iter().map(survey_row).filter(|s| s.is_open(today)) {
            let throttle = &survey.input.throttle;
            let answered_since = clock::format(now - Duration::days(i64::from(throttle.days_after_answer)));
            let dismissed_since = clock::format(now - Duration::days(i64::from(throttle.days_after_dismiss)));
            let recently: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = ?1 AND member_id = ?2
                                 AND created_at >= ?3)
                     OR EXISTS (SELECT 1 FROM survey_dismissals WHERE survey_id = ?1 AND member_id = ?2
                                 AND dismissed_at >= ?4)",
            )
            .bind(survey.id)
            .bind(member_id)
            .bind(answered_since)
            .bind(dismissed_since)
            .fetch_one(&mut *self.conn().await?)
            .await?;
            if !recently {
                return Ok(Some(survey));
            }
        }
        Ok(None)
    }

    /// Everything the dashboard draws for one survey and filter.
    pub async fn survey_results(
        &self,
        survey_id: i64,
        filter: &ResponseFilter,
        bucket: Bucket,
    ) -> anyhow::Result<SurveyResults> {
        let sql = format!(
            "SELECT substr(created_at, 1, 10) AS day, score, COUNT(*) AS n FROM survey_responses
             WHERE {FILTER_SQL} GROUP BY day, score"
        );
        let rows =
            bind_filter(sqlx::query(AssertSqlSafe(sql)), survey_id, filter).fetch_all(&mut *self.conn().await?).await?;
        let counts: Vec<DayCount> = rows
            .iter()
            .filter_map(|row| {
                Some(DayCount {
                    day: NaiveDate::parse_from_str(row.get("day"), "%Y-%m-%d").ok()?,
                    score: row.get::<i64, _>("score") as u8,
                    count: row.get::<i64, _>("n") as u64,
                })
            })
            .collect();
        let (tally, distribution, trend) = summarize(&counts, bucket, filter.from, filter.to, clock::today());
        // The filter's choices: every value seen in the period, whatever source or segment is chosen.
        let period = ResponseFilter { source: None, segment: None, ..filter.clone() };
        let labels = |column: &str| {
            let sql = format!(
                "SELECT DISTINCT {column} FROM survey_responses WHERE {FILTER_SQL} AND {column} IS NOT NULL
                 ORDER BY {column}"
            );
            let period = period.clone();
            async move {
                let rows = bind_filter(sqlx::query(AssertSqlSafe(sql)), survey_id, &period)
                    .fetch_all(&mut *self.conn().await?)
                    .await?;
                anyhow::Ok(rows.iter().map(|row| row.get::<String, _>(0)).collect::<Vec<_>>())
            }
        };
        Ok(SurveyResults {
            nps: tally.nps(),
            margin_of_error: tally.margin_of_error(),
            tally,
            distribution,
            bucket: bucket.as_str().to_owned(),
            trend,
            sources: labels("source").await?,
            segments: labels("segment").await?,
        })
    }

    /// Answers newest first, for the staff list; `true` when there are more.
    pub async fn survey_responses(
        &self,
        survey_id: i64,
        filter: &ResponseFilter,
        comments: &CommentFilter,
    ) -> anyhow::Result<(Vec<SurveyResponse>, bool)> {
        let category = comments.category.map(|c| format!("AND score IN {}", scores_of(c))).unwrap_or_default();
        let with_comment = if comments.with_comment { "AND comment IS NOT NULL" } else { "" };
        let sql = format!(
            "{RESPONSE_SELECT} WHERE {FILTER_SQL} {category} {with_comment}
               AND (?6 = '' OR comment_folded LIKE ?7 ESCAPE '\\')
             ORDER BY created_at DESC, rowid DESC LIMIT ?8 OFFSET ?9"
        );
        let search = comments.search.trim().to_lowercase();
        let rows = bind_filter(sqlx::query(AssertSqlSafe(sql)), survey_id, filter)
            .bind(search.clone())
            .bind(contains_pattern(&search))
            .bind(comments.limit + 1)
            .bind(comments.offset)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let (rows, more) = page_of(rows, comments.limit);
        Ok((rows.iter().map(response_row).collect(), more))
    }

    /// Every answer of the filter, oldest first, for the CSV export.
    pub async fn survey_export(&self, survey_id: i64, filter: &ResponseFilter) -> anyhow::Result<Vec<SurveyResponse>> {
        let sql = format!("{RESPONSE_SELECT} WHERE {FILTER_SQL} ORDER BY created_at, rowid");
        let rows =
            bind_filter(sqlx::query(AssertSqlSafe(sql)), survey_id, filter).fetch_all(&mut *self.conn().await?).await?;
        Ok(rows.iter().map(response_row).collect())
    }

    /// Many answers at once, in one transaction (the demo data).
    pub async fn insert_survey_answers(&self, survey_id: i64, answers: &[SeededAnswer]) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        for answer in answers {
            sqlx::query(
                "INSERT INTO survey_responses (id, survey_id, score, comment, comment_folded, contact_ok,
                        contact_email, respondent, segment, source, locale, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(&answer.id)
            .bind(survey_id)
            .bind(i64::from(answer.score))
            .bind(&answer.comment)
            .bind(answer.comment.as_deref().map(str::to_lowercase))
            .bind(answer.contact_email.is_some())
            .bind(&answer.contact_email)
            .bind(&answer.respondent)
            .bind(&answer.segment)
            .bind(&answer.source)
            .bind(&answer.locale)
            .bind(&answer.created_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A demo answer, complete with its follow-up.
#[derive(Clone, Debug, Default)]
pub struct SeededAnswer {
    pub id: String,
    pub score: u8,
    pub comment: Option<String>,
    pub contact_email: Option<String>,
    pub respondent: Option<String>,
    pub segment: Option<String>,
    pub source: Option<String>,
    pub locale: Option<String>,
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_become_score_lists() {
        assert_eq!(scores_of(Category::Passive), "(7, 8)");
        assert_eq!(scores_of(Category::Promoter), "(9, 10)");
    }
}
