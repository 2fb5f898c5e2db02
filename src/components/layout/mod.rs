mod account_menu;
mod language_switch;
mod notification_bell;
mod server_banner;
mod shell;
mod site_footer;
mod site_header;

pub use account_menu::AccountMenu;
pub use language_switch::LanguageSwitch;
pub use notification_bell::NotificationBell;
pub use server_banner::ServerBanner;
pub use shell::Shell;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
