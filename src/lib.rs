//! Veche's app: `pages → components → state → api → veche-api types`, one direction.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod state;
pub mod stylesheets;
