//! The language a request is answered in, reachable from every layer while it is handled:
//! problem messages (`http`), and the staff-written names of spaces, categories and groups
//! (`db`), which each have words per language. `http::locale::scope` sets it from
//! `Accept-Language`.

use veche_api::Locale;

tokio::task_local! {
    pub(crate) static REQUEST_LOCALE: Locale;
}

/// The current request's language; English outside a request.
pub fn current() -> Locale {
    REQUEST_LOCALE.try_with(|l| *l).unwrap_or_default()
}

/// Staff-written words for the current request's reader: theirs when written, else the other
/// language's (a name is never blank because one language was left empty).
pub fn pick(english: String, russian: String) -> String {
    veche_api::names::pick(current(), english, russian)
}
