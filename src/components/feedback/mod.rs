mod error_view;
mod loaded;
mod loading;
mod staff_only;

pub use error_view::{ErrorView, NotFoundWays, error_detail, error_message, error_text, retry_helps};
pub use loaded::{EmptyState, FailureView, Loaded};
pub use loading::Loading;
pub use staff_only::StaffOnly;
