mod account_page;
mod security_page;

pub use account_page::AccountPage;
pub use security_page::SecurityPage;
