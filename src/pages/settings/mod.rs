//! The staff's community settings (`/admin/settings`) and who may join (`/admin/joining`:
//! invitations and the approval queue).

mod invite_form;
mod joining_page;
mod logo_editor;
mod registration_queue;
mod settings_form;
mod settings_page;

pub use joining_page::JoiningPage;
pub use settings_page::SettingsPage;
