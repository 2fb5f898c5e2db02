//! A member's own data: the form that deletes an account (the member's, or one staff delete on
//! a request), and the log's lines.

mod deletion_form;
mod log_row;

pub use deletion_form::DeletionForm;
pub use log_row::LogRow;
