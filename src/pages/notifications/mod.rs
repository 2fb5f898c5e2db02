//! `/notifications`: the bell's page.

mod days;
mod notification_item;
mod notifications_page;

pub use notifications_page::NotificationsPage;
