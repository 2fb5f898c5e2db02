mod error_view;
mod loading;
mod staff_only;

pub use error_view::{ErrorView, error_text, errors_fallback};
pub use loading::Loading;
pub use staff_only::StaffOnly;
