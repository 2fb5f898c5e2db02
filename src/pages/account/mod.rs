mod account_page;
mod mail_preferences_page;
mod security_page;

pub use account_page::AccountPage;
pub use mail_preferences_page::MailPreferencesPage;
pub use security_page::SecurityPage;
