//! `/admin/sign-in` (staff): passwords and the organisation's identity provider.

mod sign_in_settings_page;

pub use sign_in_settings_page::SignInSettingsPage;
