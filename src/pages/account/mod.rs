mod account_page;

pub use account_page::AccountPage;
