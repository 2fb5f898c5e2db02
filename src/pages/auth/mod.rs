mod confirm_email_page;
mod forgot_password_page;
mod register_page;
mod reset_password_page;
mod sign_in_page;
mod unsubscribe_page;

pub use confirm_email_page::ConfirmEmailPage;
pub use forgot_password_page::ForgotPasswordPage;
pub use register_page::RegisterPage;
pub use reset_password_page::ResetPasswordPage;
pub use sign_in_page::SignInPage;
pub use unsubscribe_page::UnsubscribePage;
