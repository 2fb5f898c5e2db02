use veche_api::community::Community;

use super::client::{self, ApiResult, Method, Options};

pub async fn get() -> ApiResult<Community> {
    client::request::<Community, ()>(Method::Get, "/community", None, Options::default()).await
}
