//! The account's own pieces: the address's standing, the password and address forms, the list
//! of sessions, what a mailed link that cannot be used says, and the identity providers to sign
//! in with.

mod change_email_form;
mod change_password_form;
mod email_status;
mod link_problem;
mod session_list;
mod sign_in_providers;

pub use change_email_form::ChangeEmailForm;
pub use change_password_form::ChangePasswordForm;
pub use email_status::EmailStatus;
pub use link_problem::LinkProblem;
pub use session_list::SessionList;
pub use sign_in_providers::SignInProviders;
