use veche_api::charter::{Charter, CharterInput};

use super::client::{self, ApiResult, Method, Options};

pub async fn get() -> ApiResult<Charter> {
    client::request::<Charter, ()>(Method::Get, "/charter", None, Options::default()).await
}

pub async fn update(input: &CharterInput, idempotency_key: String) -> ApiResult<Charter> {
    let options = Options { idempotency_key: Some(idempotency_key) };
    client::request(Method::Put, "/charter", Some(input), options).await
}
