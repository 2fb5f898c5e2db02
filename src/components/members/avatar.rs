use leptos::either::Either;
use leptos::prelude::*;

use crate::api::client::media_url;

/// A member's picture, or their initials on a colour derived from the handle.
#[component]
pub fn Avatar(
    /// Name used for the initials and the alternative text.
    #[prop(into)]
    name: String,
    /// Handle; picks the background colour, stable per member.
    #[prop(into)]
    handle: String,
    /// Uploaded picture, if any.
    #[prop(default = None)]
    url: Option<String>,
    /// Edge length in CSS pixels.
    #[prop(default = 40)]
    size: u32,
) -> impl IntoView {
    let hue = handle.bytes().fold(7u32, |acc, b| acc.wrapping_mul(31).wrapping_add(u32::from(b))) % 12;
    match url {
        Some(url) => Either::Left(view! {
            <img class="avatar" src=media_url(&url) alt="" width=size height=size loading="lazy" decoding="async" />
        }),
        None => Either::Right(view! {
            <span class=format!("avatar avatar--initials avatar--hue-{hue} avatar--{size}") aria-hidden="true">
                {initials(&name)}
            </span>
        }),
    }
}

/// Up to two initials, upper-cased by the browser (no Unicode tables in the bundle).
fn initials(name: &str) -> String {
    let letters: String = name.split_whitespace().filter_map(|word| word.chars().next()).take(2).collect();
    if letters.is_empty() {
        return "?".to_owned();
    }
    js_sys::JsString::from(letters.as_str()).to_upper_case().into()
}
