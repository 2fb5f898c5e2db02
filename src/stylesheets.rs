//! Stylesheets that are not in the first load: fetched by what needs them, once per page life.
//! `/sections.css` holds the styles of the lazy sections (threads, ideas, members, events,
//! notifications, moderation, groups, search, knowledge base): every lazy page and home block
//! waits for it, together with its code, so nothing shows unstyled and the first paint does not
//! wait for it.
//! `/surveys.css` is the survey component's and the staff dashboard's. Both are built by Trunk's
//! pre-build step (Trunk.toml) and copied as they are.

use std::cell::RefCell;

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

thread_local! {
    /// Per stylesheet, a promise that settles once it has loaded or failed.
    static SHEETS: RefCell<Vec<(&'static str, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Adds `<link rel="stylesheet" href>` on first use (or takes the one index.html preloads) and
/// settles when the stylesheet is there — or has failed: a page shown unstyled beats none.
fn stylesheet(href: &'static str) -> JsFuture {
    let promise = SHEETS.with(|sheets| {
        let mut sheets = sheets.borrow_mut();
        if let Some((_, promise)) = sheets.iter().find(|(h, _)| *h == href) {
            return promise.clone();
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let document = document();
            let head = document.query_selector("head").ok().flatten();
            match (document.create_element("link"), head) {
                (Ok(link), Some(head)) => {
                    let _ = link.set_attribute("rel", "stylesheet");
                    let _ = link.set_attribute("href", href);
                    let link: HtmlElement = link.unchecked_into();
                    link.set_onload(Some(&resolve));
                    link.set_onerror(Some(&resolve));
                    let _ = head.append_child(&link);
                }
                _ => {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        });
        sheets.push((href, promise.clone()));
        promise
    });
    JsFuture::from(promise)
}

/// The lazy sections' styles.
pub fn section_styles() -> JsFuture {
    stylesheet("/sections.css")
}

/// The surveys' styles (the survey component's and the staff dashboard's).
pub fn survey_styles() -> JsFuture {
    stylesheet("/surveys.css")
}
