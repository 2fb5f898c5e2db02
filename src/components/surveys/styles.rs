//! The surveys' stylesheet (the survey component's and the staff dashboard's): fetched by the
//! pages that show them, not with every first load (`/surveys.css`, built by Trunk's pre-build
//! step and copied as it is).

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

const HREF: &str = "/surveys.css";

thread_local! {
    /// Settles once the stylesheet has loaded or failed; the link is added on first use.
    static LOADED: js_sys::Promise = js_sys::Promise::new(&mut |resolve, _| {
        let document = document();
        let head = document.query_selector("head").ok().flatten();
        match (document.create_element("link"), head) {
            (Ok(link), Some(head)) => {
                let _ = link.set_attribute("rel", "stylesheet");
                let _ = link.set_attribute("href", HREF);
                let link: HtmlElement = link.unchecked_into();
                // A failed stylesheet shows the page unstyled rather than never.
                link.set_onload(Some(&resolve));
                link.set_onerror(Some(&resolve));
                let _ = head.append_child(&link);
            }
            _ => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
}

/// Starts loading the stylesheet (once per page life) and settles when it is there.
pub fn survey_styles() -> JsFuture {
    LOADED.with(|loaded| JsFuture::from(loaded.clone()))
}
