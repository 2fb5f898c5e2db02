//! The account's own pieces: the address's standing, the password and address forms, the list
//! of sessions, what a mailed link that cannot be used says, the identity providers to sign in
//! with, and what reaches the member by e-mail.

mod change_email_form;
mod change_password_form;
mod delivery_choice;
mod email_status;
mod link_problem;
mod mail_preferences_form;
mod session_list;
mod sign_in_href;
mod sign_in_providers;
mod sign_out_button;

pub use change_email_form::ChangeEmailForm;
pub use change_password_form::ChangePasswordForm;
pub use delivery_choice::DeliveryChoice;
pub use email_status::EmailStatus;
pub use link_problem::LinkProblem;
pub use mail_preferences_form::MailPreferencesForm;
pub use session_list::SessionList;
pub use sign_in_href::{register_href, sign_in_here, sign_in_href};
pub use sign_in_providers::{SignInProviders, start_href};
pub use sign_out_button::SignOutButton;
