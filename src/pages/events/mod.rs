mod edit_event_page;
mod event_page;
mod events_on_home;
mod events_page;
mod feed_panel;
mod new_event_page;

pub use edit_event_page::EditEventPage;
pub use event_page::EventPage;
pub use events_on_home::EventsOnHome;
pub use events_page::EventsPage;
use feed_panel::FeedPanel;
pub use new_event_page::NewEventPage;
