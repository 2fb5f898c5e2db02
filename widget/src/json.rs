//! JSON through the browser's own `JSON` object: the frame reads and writes a handful of small
//! objects, and serde_json would add about as much to the bundle as the survey itself.

use js_sys::{JSON, Object, Reflect};
use veche_api::surveys::{FollowUpInput, PublicSurvey, ResponseInput, SurveyTexts, Throttle};
use wasm_bindgen::JsValue;

/// An object of these fields; `undefined` ones are left out when written as JSON.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

pub fn write(value: &JsValue) -> String {
    JSON::stringify(value).ok().and_then(|text| text.as_string()).unwrap_or_default()
}

pub fn read(text: &str) -> Option<JsValue> {
    JSON::parse(text).ok()
}

pub fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A string field; empty when absent or not a string.
pub fn text(value: &JsValue, name: &str) -> String {
    field(value, name).as_string().unwrap_or_default()
}

fn whole_number(value: &JsValue, name: &str) -> Option<u32> {
    field(value, name).as_f64().filter(|number| *number >= 0.0).map(|number| number as u32)
}

/// `GET /surveys/{id}/public`, as far as the frame needs it; `None` unless it is an object with
/// an id.
pub fn public_survey(body: &str) -> Option<PublicSurvey> {
    let survey = read(body).filter(JsValue::is_object)?;
    let texts = |name: &str| {
        let texts = field(&survey, name);
        SurveyTexts {
            question: text(&texts, "question"),
            detractor: text(&texts, "detractor"),
            passive: text(&texts, "passive"),
            promoter: text(&texts, "promoter"),
        }
    };
    let throttle = field(&survey, "throttle");
    let defaults = Throttle::default();
    let id = text(&survey, "id");
    (!id.is_empty()).then(|| PublicSurvey {
        id,
        kind: text(&survey, "kind"),
        company: text(&survey, "company"),
        texts_en: texts("texts_en"),
        texts_ru: texts("texts_ru"),
        throttle: Throttle {
            days_after_answer: whole_number(&throttle, "days_after_answer").unwrap_or(defaults.days_after_answer),
            days_after_dismiss: whole_number(&throttle, "days_after_dismiss").unwrap_or(defaults.days_after_dismiss),
            sample_percent: whole_number(&throttle, "sample_percent")
                .map_or(defaults.sample_percent, |n| n.min(100) as u8),
            min_visits: whole_number(&throttle, "min_visits").unwrap_or(defaults.min_visits),
        },
        open: field(&survey, "open").as_bool().unwrap_or(false),
    })
}

/// The body of `POST /surveys/{id}/responses`.
pub fn response_input(answer: &ResponseInput) -> String {
    write(&object(&[
        ("id", JsValue::from_str(&answer.id)),
        ("score", JsValue::from(answer.score)),
        ("locale", JsValue::from(answer.locale.clone())),
        ("respondent", JsValue::from(answer.respondent.clone())),
        ("segment", JsValue::from(answer.segment.clone())),
        ("source", JsValue::from(answer.source.clone())),
    ]))
}

/// The body of `POST /surveys/{id}/responses/{response_id}/follow-up`.
pub fn follow_up_input(follow_up: &FollowUpInput) -> String {
    write(&object(&[
        ("comment", JsValue::from_str(&follow_up.comment)),
        ("contact_ok", JsValue::from_bool(follow_up.contact_ok)),
        ("contact_email", JsValue::from(follow_up.contact_email.clone())),
    ]))
}
