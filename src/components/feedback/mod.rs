mod error_view;
mod loading;
mod staff_only;

pub use error_view::{ErrorView, NotFoundWays, error_detail, error_message, error_text, errors_fallback, retry_helps};
pub use loading::Loading;
pub use staff_only::StaffOnly;
