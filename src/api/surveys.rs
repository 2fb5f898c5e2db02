//! NPS surveys: their configuration and results (staff), and the survey a member is asked inside
//! the community. Answers, follow-ups and dismissals are sent through the outbox, to the paths
//! named here.

use veche_api::Page;
use veche_api::surveys::{PublicSurvey, Survey, SurveyInput, SurveyResponse, SurveyResults};

use super::client::{self, ApiResult, Method, Options};
use super::url::{encode, query};

/// Which answers the dashboard counts: a period of whole days and where they came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResultsFilter {
    /// First day, `YYYY-MM-DD`; empty: since the first answer.
    pub from: String,
    /// Last day, `YYYY-MM-DD`; empty: until today.
    pub to: String,
    /// A host origin, or "community".
    pub source: String,
    pub segment: String,
}

impl ResultsFilter {
    fn pairs(&self) -> [(&'static str, &str); 4] {
        [("from", &self.from), ("to", &self.to), ("source", &self.source), ("segment", &self.segment)]
    }
}

/// Which comments the dashboard lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResponsesQuery {
    pub filter: ResultsFilter,
    /// Category on the wire; empty for all three.
    pub category: String,
    /// Words searched in the comments.
    pub search: String,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> ApiResult<T> {
    client::request::<T, ()>(Method::Get, path, None, Options::default()).await
}

/// The API path of a survey.
pub fn survey_path(id: &str) -> String {
    format!("/surveys/{}", encode(id))
}

pub async fn list() -> ApiResult<Vec<Survey>> {
    get("/surveys").await
}

pub async fn survey(id: &str) -> ApiResult<Survey> {
    get(&survey_path(id)).await
}

/// Creates a survey (staff). Retries of one save pass the same `idempotency_key`.
pub async fn create(input: &SurveyInput, idempotency_key: String) -> ApiResult<Survey> {
    let options = Options { idempotency_key: Some(idempotency_key) };
    client::request(Method::Post, "/surveys", Some(input), options).await
}

pub async fn update(id: &str, input: &SurveyInput, idempotency_key: String) -> ApiResult<Survey> {
    let options = Options { idempotency_key: Some(idempotency_key) };
    client::request(Method::Put, &survey_path(id), Some(input), options).await
}

/// The API path of the results for `filter`, in weekly or monthly buckets.
pub fn results_path(id: &str, filter: &ResultsFilter, bucket: &str) -> String {
    let [from, to, source, segment] = filter.pairs();
    format!("{}/results{}", survey_path(id), query(&[from, to, source, segment, ("bucket", bucket)]))
}

pub async fn results(id: &str, filter: &ResultsFilter, bucket: &str) -> ApiResult<SurveyResults> {
    get(&results_path(id, filter, bucket)).await
}

/// The API path of the answers with a comment matching `responses`, newest first.
pub fn responses_path(id: &str, responses: &ResponsesQuery) -> String {
    let limit = responses.limit.map(|l| l.to_string()).unwrap_or_default();
    let [from, to, source, segment] = responses.filter.pairs();
    format!(
        "{}/responses{}",
        survey_path(id),
        query(&[
            ("category", &responses.category),
            ("q", responses.search.trim()),
            ("comments", "true"),
            from,
            to,
            source,
            segment,
            ("cursor", responses.cursor.as_deref().unwrap_or_default()),
            ("limit", &limit),
        ])
    )
}

pub async fn responses(id: &str, responses: &ResponsesQuery) -> ApiResult<Page<SurveyResponse>> {
    get(&responses_path(id, responses)).await
}

/// The CSV of the answers in `filter`, for a download link (absolute when the API is elsewhere).
pub fn export_url(id: &str, filter: &ResultsFilter) -> String {
    format!("{}{}/export.csv{}", client::api_base(), survey_path(id), query(&filter.pairs()))
}

/// The survey this member should be asked now, if any (`204`: none).
pub async fn in_app() -> ApiResult<Option<PublicSurvey>> {
    get("/surveys/in-app").await
}

/// Where an answer to a survey is sent.
pub fn responses_post_path(survey_id: &str) -> String {
    format!("{}/responses", survey_path(survey_id))
}

/// Where the follow-up to an answer is sent.
pub fn follow_up_path(survey_id: &str, response_id: &str) -> String {
    format!("{}/responses/{}/follow-up", survey_path(survey_id), encode(response_id))
}

/// Where a member says "not now".
pub fn dismissals_path(survey_id: &str) -> String {
    format!("{}/dismissals", survey_path(survey_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_paths_carry_only_the_filters_set() {
        let everything = ResultsFilter::default();
        assert_eq!(results_path("s1", &everything, "week"), "/surveys/s1/results?bucket=week");
        let filter = ResultsFilter {
            from: "2026-06-01".into(),
            to: "2026-11-30".into(),
            source: "https://shop.example.com".into(),
            segment: "trial plan".into(),
        };
        assert_eq!(
            results_path("s1", &filter, "month"),
            "/surveys/s1/results?from=2026-06-01&to=2026-11-30&source=https%3A%2F%2Fshop.example.com&segment=trial%20plan&bucket=month"
        );
    }

    #[test]
    fn comment_paths_ask_for_comments_only() {
        let query = ResponsesQuery {
            filter: ResultsFilter { from: "2026-06-01".into(), ..ResultsFilter::default() },
            category: "detractor".into(),
            search: " slow ".into(),
            cursor: Some("c2".into()),
            limit: Some(20),
        };
        assert_eq!(
            responses_path("s/1", &query),
            "/surveys/s%2F1/responses?category=detractor&q=slow&comments=true&from=2026-06-01&cursor=c2&limit=20"
        );
        assert_eq!(follow_up_path("s1", "r 1"), "/surveys/s1/responses/r%201/follow-up");
    }
}
