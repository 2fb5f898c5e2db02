//! Request extractors that answer bad input the contract's way: problem+json, and for data
//! that does not fit the schema a 422 naming the field.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use veche_api::validate::{FieldErrors, Issue};

use super::error::ApiError;

/// A JSON request body.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let mime = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
                mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest(rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// Parses JSON, telling a malformed document (400) from one with a wrong field (422).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_data() {
            field_error(&path, &inner.to_string())
        } else {
            ApiError::BadRequest(format!("The body is not valid JSON: {inner}"))
        }
    })?;
    deserializer.end().map_err(|e| ApiError::BadRequest(format!("The body is not valid JSON: {e}")))?;
    Ok(value)
}

/// Maps a deserializer's complaint to the field it is about.
fn field_error(path: &str, message: &str) -> ApiError {
    let missing = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    let mut errors = FieldErrors::new();
    match missing {
        Some(field) => {
            let full = if path == "." || path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
            errors.add(&full, Issue::Required);
        }
        None => {
            let field = if path == "." || path.is_empty() { "body" } else { path };
            errors.add(field, Issue::Invalid);
        }
    }
    ApiError::Validation(errors)
}

/// Query-string parameters.
pub struct QueryParams<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer).map(QueryParams).map_err(|error| {
            let path = error.path().to_string();
            field_error(&path, &error.into_inner().to_string())
        })
    }
}
