//! The staff's KPIs.

use veche_api::kpis::Kpis;

use super::client::{self, ApiResult, Method, Options};

/// `GET /kpis?months=…` (staff): the last `months` months, the current one included.
pub async fn kpis(months: u32) -> ApiResult<Kpis> {
    client::request::<Kpis, ()>(Method::Get, &format!("/kpis?months={months}"), None, Options::default()).await
}
