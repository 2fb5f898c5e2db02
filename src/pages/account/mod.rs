mod account_deleted_page;
mod account_page;
mod delete_account_page;
mod mail_preferences_page;
mod security_page;

pub use account_deleted_page::AccountDeletedPage;
pub use account_page::AccountPage;
pub use delete_account_page::DeleteAccountPage;
pub use mail_preferences_page::MailPreferencesPage;
pub use security_page::SecurityPage;
