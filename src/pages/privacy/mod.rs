//! `/admin/privacy` (staff): what becomes of deleted members' content, members' requests for
//! their data or to be deleted, and the log of every download and deletion.

mod member_request;
mod privacy_page;
mod setting_form;

pub use privacy_page::PrivacyPage;
