//! `/admin/names` (staff): spaces and idea categories named in each language.

mod names_page;

pub use names_page::NamesPage;
