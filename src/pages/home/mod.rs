mod home_page;
mod home_thread_list;
mod overview_on_home;
mod stats_block;

pub use home_page::HomePage;
pub use overview_on_home::OverviewOnHome;
