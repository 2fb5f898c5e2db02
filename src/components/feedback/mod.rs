mod error_view;
mod loading;

pub use error_view::{ErrorView, error_text, errors_fallback};
pub use loading::Loading;
