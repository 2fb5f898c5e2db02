pub mod calendar;

mod add_to_calendar;
mod agenda_list;
mod event_chip;
mod event_form;
mod event_when;
mod month_grid;
mod rsvp_panel;
mod time_zone_notice;
mod upcoming_events;
mod week_view;

pub use add_to_calendar::AddToCalendar;
pub use agenda_list::AgendaList;
pub use event_chip::{EventChip, event_href};
pub use event_form::EventForm;
pub use event_when::EventWhen;
pub use month_grid::MonthGrid;
pub use rsvp_panel::RsvpPanel;
pub use time_zone_notice::{TimeZoneNotice, all_day_zones};
pub use upcoming_events::UpcomingEvents;
pub use week_view::WeekView;
