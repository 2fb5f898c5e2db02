//! Request extractors that answer bad input the contract's way: problem+json, and for data
//! that does not fit the schema a 422 naming the field.

use axum::body::to_bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use veche_api::validate::{FieldErrors, Issue};

use super::error::ApiError;
use super::{MAX_JSON_BODY_BYTES, body_limit};

/// A JSON request body.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ApiError> {
        if body_limit(request.headers()) != MAX_JSON_BODY_BYTES {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = to_bytes(request.into_body(), MAX_JSON_BODY_BYTES).await.map_err(|error| {
            let too_large =
                std::error::Error::source(&error).is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
            if too_large {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest(format!("The body could not be read: {error}"))
            }
        })?;
        require_object(&bytes)?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// Every request body of the contract is a JSON object; serde alone would also take an array
/// for a struct (filling it from the elements, or from defaults when empty).
fn require_object(bytes: &[u8]) -> Result<(), ApiError> {
    match bytes.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'[' | b'"' | b't' | b'f' | b'n' | b'-' | b'0'..=b'9') => Err(field_error(".", "not a JSON object")),
        // An object, nothing, or not JSON at all (which parsing answers with 400).
        _ => Ok(()),
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
