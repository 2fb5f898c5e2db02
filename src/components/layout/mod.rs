mod language_switch;
mod server_banner;
mod shell;
mod site_footer;
mod site_header;

pub use language_switch::LanguageSwitch;
pub use server_banner::ServerBanner;
pub use shell::Shell;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
