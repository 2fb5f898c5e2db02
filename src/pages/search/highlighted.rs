use leptos::either::Either;
use leptos::prelude::*;
use veche_api::search::find_match;

/// `text` cut around the first match of `query`: before it, the match, after it.
fn split_at_match<'a>(text: &'a str, query: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let found = find_match(text, query.trim())?;
    Some((&text[..found.start], &text[found.clone()], &text[found.end..]))
}

/// Text with the first match of the search marked; text nodes only.
#[component]
pub fn Highlighted(
    /// The text shown.
    text: String,
    /// What was searched for.
    query: String,
) -> impl IntoView {
    match split_at_match(&text, &query) {
        Some((before, matched, after)) => {
            Either::Left(view! { {before.to_owned()}<mark>{matched.to_owned()}</mark>{after.to_owned()} })
        }
        None => Either::Right(text),
    }
}

#[cfg(test)]
mod tests {
    use super::split_at_match;

    #[test]
    fn the_match_keeps_its_own_case() {
        assert_eq!(split_at_match("Скажи ПРИВЕТ всем", " привет "), Some(("Скажи ", "ПРИВЕТ", " всем")));
        assert_eq!(split_at_match("nothing here", "absent"), None);
    }
}
