//! Talking to any backend that implements `api/openapi.yaml`: `client` holds the one request
//! function, each other module covers one resource of the contract.

pub mod auth;
pub mod client;
pub mod community;
pub mod events;
pub mod ideas;
pub mod members;
pub mod threads;
pub mod url;

pub use client::{ApiError, ApiResult};
