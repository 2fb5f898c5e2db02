//! The NPS survey's frame page, `/embed/frame/`: what the loader (`/embed/nps.js`) or a plain
//! `<iframe>` puts on a company's site. It shows the survey component, keeps answers in an
//! outbox until the server has them, and tells the host page its height and the outcome through
//! `postMessage` (only to the host's origin). With `flush=1` it only delivers what waits.

// The allocator is the global one only in the browser build; host builds (tests, clippy) keep dlmalloc.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod allocator;
mod frame;
mod host;
mod http;
mod json;
mod outbox;
mod params;
mod random_id;

use veche_api::Locale;
use veche_survey::{Text, accent_colours};
use wasm_bindgen::prelude::*;

use crate::host::Host;
use crate::params::{FrameParams, Mode};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: allocator::FrameAllocator = allocator::FrameAllocator::new();

fn main() {
    let Some(window) = web_sys::window() else { return };
    let params = FrameParams::parse(&window.location().search().unwrap_or_default());
    let host = Host::new(&params.survey, params.host.as_deref());

    // Whatever earlier visits left waiting goes out now, and again when the network returns.
    let delivered_host = host.clone();
    let survey_id = params.survey.clone();
    outbox::on_settled(move |survey| {
        if survey == survey_id {
            delivered_host.post("delivered", &[]);
        }
    });
    let outbox_host = host.clone();
    let outbox_survey = params.survey.clone();
    outbox::on_changed(move |letters| {
        outbox_host.post("outbox", &[("letters", outbox::for_loader(letters, &outbox_survey).into())]);
    });
    let online = Closure::<dyn FnMut()>::new(outbox::deliver);
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    online.forget();
    outbox::deliver();
    if params.flush {
        if !outbox::holds_score_of(&params.survey) {
            host.post("delivered", &[]);
        }
        return;
    }
    if params.survey.is_empty() {
        return;
    }

    // `navigator.language` is one tag, without the weights `Locale::negotiate` reads.
    let browser_locale = || Locale::from_tag(&window.navigator().language().unwrap_or_default()).unwrap_or_default();
    let locale = params.locale.unwrap_or_else(browser_locale);
    dress_page(&window, &params, locale);
    report_height(host.clone());
    wasm_bindgen_futures::spawn_local(frame::show(params, host, locale));
}

/// The page's language and title, the mode's class and the company's colour.
fn dress_page(window: &web_sys::Window, params: &FrameParams, locale: Locale) {
    let Some(document) = window.document() else { return };
    document.set_title(Text::SurveyLabel.get(locale));
    let Some(root) = document.document_element() else { return };
    let _ = root.set_attribute("lang", locale.tag());
    if params.mode == Mode::Static {
        let _ = root.set_attribute("class", "veche-frame--static");
    }
    let accent = params.accent.as_deref().and_then(accent_colours);
    if let (Some((accent, on_accent)), Ok(root)) = (accent, root.dyn_into::<web_sys::HtmlElement>()) {
        let _ = root.style().set_property("--veche-survey-accent", &accent);
        let _ = root.style().set_property("--veche-survey-on-accent", on_accent);
    }
}

/// Tells the host the content's height whenever it changes, so the frame never scrolls.
fn report_height(host: Host) {
    let Some(body) = web_sys::window().and_then(|window| window.document()).and_then(|document| document.body()) else {
        return;
    };
    let measured = body.clone();
    let changed = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        host.post("height", &[("height", JsValue::from_f64(height))]);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    changed.forget();
}
