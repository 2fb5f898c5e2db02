//! Messages to the host page (`{ veche: "nps", survey, type, … }`), only ever to the host's own
//! origin: the `host` parameter, and only when the real parent has that origin.

use js_sys::Reflect;
use veche_api::surveys::is_origin;
use wasm_bindgen::JsValue;

use crate::json;

/// Where messages may go: the declared host if it is an origin and, where the browser tells
/// (`location.ancestorOrigins`), the parent page really is on it.
pub fn target_origin(declared: Option<&str>, parent: Option<&str>) -> Option<String> {
    let declared = declared.filter(|origin| is_origin(origin))?;
    match parent {
        Some(parent) if parent != declared => None,
        _ => Some(declared.to_owned()),
    }
}

/// The parent page's origin when the browser says (Chromium and Safari do, Firefox does not).
pub fn parent_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let origins = Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok().filter(JsValue::is_object)?;
    Reflect::get(&origins, &JsValue::from(0)).ok()?.as_string().filter(|origin| is_origin(origin))
}

/// The host page of this frame, or nobody to talk to.
#[derive(Clone, Debug)]
pub struct Host {
    survey: String,
    target: Option<String>,
}

impl Host {
    pub fn new(survey: &str, declared: Option<&str>) -> Host {
        Host { survey: survey.to_owned(), target: target_origin(declared, parent_origin().as_deref()) }
    }

    /// The origin answers are attributed to: the checked host, else the parent page's.
    pub fn source(&self) -> Option<String> {
        self.target.clone().or_else(parent_origin)
    }

    /// Posts `{ veche: "nps", survey, type, …fields }` to the parent, if it is the host.
    pub fn post(&self, kind: &str, fields: &[(&str, JsValue)]) {
        let (Some(target), Some(window)) = (&self.target, web_sys::window()) else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = json::object(&[
            ("veche", JsValue::from_str("nps")),
            ("survey", JsValue::from_str(&self.survey)),
            ("type", JsValue::from_str(kind)),
        ]);
        for (name, value) in fields {
            let _ = Reflect::set(&message, &JsValue::from_str(name), value);
        }
        let _ = parent.post_message(&message, target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_go_only_to_a_host_that_is_the_parent() {
        let shop = "https://shop.example.com";
        assert_eq!(target_origin(Some(shop), Some(shop)).as_deref(), Some(shop));
        // Firefox cannot tell the parent: the declared origin still limits who can read.
        assert_eq!(target_origin(Some(shop), None).as_deref(), Some(shop));
        assert_eq!(target_origin(Some(shop), Some("https://evil.example.net")), None);
        assert_eq!(target_origin(Some("*"), None), None);
        assert_eq!(target_origin(Some("https://shop.example.com/page"), None), None);
        assert_eq!(target_origin(None, Some(shop)), None);
    }
}
