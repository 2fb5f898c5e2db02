mod register_page;
mod sign_in_page;

pub use register_page::RegisterPage;
pub use sign_in_page::SignInPage;
