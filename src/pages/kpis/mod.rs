//! The staff's KPIs: participation, ideas, events and NPS per month.

mod kpis_page;
mod participation_card;

pub use kpis_page::KpisPage;
