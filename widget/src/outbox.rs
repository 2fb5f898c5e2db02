//! Nothing lost: a score is stored here before it is sent, then its follow-up, and both are sent
//! in order with their Idempotency-Keys until the server has them — retried with backoff, when
//! the browser is back online, and on every load of the frame (also by the loader's hidden
//! `flush=1` frame on the visitor's next page).

use std::cell::RefCell;
use std::rc::Rc;

use veche_api::surveys::{FollowUpInput, ResponseInput};
use wasm_bindgen::{JsCast, JsValue};

use crate::http::{self, Answer};
use crate::json;
use crate::random_id::random_uuid;

const STORAGE_KEY: &str = "veche-nps-outbox";
/// Longest wait between two tries.
const BACKOFF_MAX_SECS: u32 = 300;

/// One request waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub survey: String,
    /// The answer's id (made here).
    pub response: String,
    /// The follow-up of that answer; otherwise the answer (the score) itself.
    pub follow_up: bool,
    /// The Idempotency-Key, the same on every try.
    pub key: String,
    /// The JSON body.
    pub body: String,
}

impl Letter {
    fn to_json(&self) -> JsValue {
        json::object(&[
            ("survey", JsValue::from_str(&self.survey)),
            ("response", JsValue::from_str(&self.response)),
            ("follow_up", JsValue::from_bool(self.follow_up)),
            ("key", JsValue::from_str(&self.key)),
            ("body", JsValue::from_str(&self.body)),
        ])
    }

    fn from_json(value: &JsValue) -> Letter {
        Letter {
            survey: json::text(value, "survey"),
            response: json::text(value, "response"),
            follow_up: json::field(value, "follow_up").is_truthy(),
            key: json::text(value, "key"),
            body: json::text(value, "body"),
        }
    }

    fn path(&self) -> String {
        if self.follow_up {
            format!("/surveys/{}/responses/{}/follow-up", self.survey, self.response)
        } else {
            format!("/surveys/{}/responses", self.survey)
        }
    }
}

/// The queue with `letter` added at the end; a newer follow-up replaces a waiting one of the same
/// answer (the server keeps the last one anyway).
fn queued(mut letters: Vec<Letter>, letter: Letter) -> Vec<Letter> {
    if letter.follow_up {
        letters.retain(|waiting| !(waiting.follow_up && waiting.response == letter.response));
    }
    letters.push(letter);
    letters
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Delivered,
    /// Refused for good (4xx other than 408 and 429): sending again would not help.
    Dropped,
    /// Try again, after the server's `Retry-After` if it gave one.
    Later(Option<u32>),
}

fn verdict(answer: Option<&Answer>) -> Verdict {
    match answer.map(|answer| (answer.status, answer.retry_after)) {
        Some((200..=299, _)) => Verdict::Delivered,
        Some((408 | 429, wait)) => Verdict::Later(wait),
        Some((400..=499, _)) => Verdict::Dropped,
        Some((_, wait)) => Verdict::Later(wait),
        None => Verdict::Later(None),
    }
}

/// 2, 4, 8 … seconds, at most five minutes.
fn backoff_secs(failures: u32) -> u32 {
    2u32.saturating_pow(failures.min(16)).min(BACKOFF_MAX_SECS)
}

/// Told the survey whose score the server has (or refused for good).
type Settled = Rc<dyn Fn(&str)>;
/// Told every letter still waiting, whenever the queue changes.
type Changed = Rc<dyn Fn(&[Letter])>;

#[derive(Default)]
struct State {
    sending: bool,
    failures: u32,
    on_settled: Option<Settled>,
    on_changed: Option<Changed>,
    /// The queue when the browser gives this frame no storage.
    in_memory: Vec<Letter>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load() -> Vec<Letter> {
    let Some(storage) = storage() else {
        return STATE.with_borrow(|state| state.in_memory.clone());
    };
    let stored = storage.get_item(STORAGE_KEY).ok().flatten().and_then(|text| json::read(&text));
    match stored.as_ref().map(js_sys::Array::from) {
        Some(letters) => letters.iter().map(|letter| Letter::from_json(&letter)).collect(),
        None => Vec::new(),
    }
}

fn save(letters: Vec<Letter>) {
    let array: js_sys::Array = letters.iter().map(Letter::to_json).collect();
    let stored = storage().is_some_and(|storage| storage.set_item(STORAGE_KEY, &json::write(&array)).is_ok());
    let changed = STATE.with_borrow_mut(|state| {
        if !stored {
            state.in_memory = letters.clone();
        }
        state.on_changed.clone()
    });
    if let Some(changed) = changed {
        changed(&letters);
    }
}

fn remove(key: &str) {
    save(load().into_iter().filter(|letter| letter.key != key).collect());
}

/// Calls `settled` with a survey's id once the server has its score (or refused it for good).
pub fn on_settled(settled: impl Fn(&str) + 'static) {
    STATE.with_borrow_mut(|state| state.on_settled = Some(Rc::new(settled)));
}

/// Calls `changed` with the letters still waiting whenever they change: the loader keeps a copy
/// in the host page's storage, as a third-party frame's own storage may be blocked.
pub fn on_changed(changed: impl Fn(&[Letter]) + 'static) {
    STATE.with_borrow_mut(|state| state.on_changed = Some(Rc::new(changed)));
}

/// The waiting letters of `survey`, in order.
fn waiting_for<'a>(letters: &'a [Letter], survey: &'a str) -> impl Iterator<Item = &'a Letter> {
    letters.iter().filter(move |letter| letter.survey == survey)
}

/// The waiting letters of `survey` as the loader sends them itself: `[{ path, key, body }]`, the
/// path under the API prefix.
pub fn for_loader(letters: &[Letter], survey: &str) -> js_sys::Array {
    waiting_for(letters, survey)
        .map(|letter| {
            json::object(&[
                ("path", JsValue::from_str(&letter.path())),
                ("key", JsValue::from_str(&letter.key)),
                ("body", JsValue::from_str(&letter.body)),
            ])
        })
        .collect()
}

/// A score of `survey` is still waiting to be sent.
pub fn holds_score_of(survey: &str) -> bool {
    load().iter().any(|letter| letter.survey == survey && !letter.follow_up)
}

/// Stores an answer for sending.
pub fn add_score(survey: &str, answer: &ResponseInput) {
    add(Letter {
        survey: survey.to_owned(),
        response: answer.id.clone(),
        follow_up: false,
        key: random_uuid(),
        body: json::response_input(answer),
    });
}

/// Stores the follow-up of answer `response` for sending after it.
pub fn add_follow_up(survey: &str, response: &str, follow_up: &FollowUpInput) {
    add(Letter {
        survey: survey.to_owned(),
        response: response.to_owned(),
        follow_up: true,
        key: random_uuid(),
        body: json::follow_up_input(follow_up),
    });
}

fn add(letter: Letter) {
    save(queued(load(), letter));
    deliver();
}

/// Runs `task` once after `ms` milliseconds.
fn later(task: fn(), ms: u32) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(task).into_js_value();
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms as i32);
}

/// Sends what waits, oldest first, one at a time; on failure tries again later.
pub fn deliver() {
    if STATE.with_borrow_mut(|state| std::mem::replace(&mut state.sending, true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        // Read again after every request: another tab, or a new answer, may have changed it.
        while let Some(letter) = load().into_iter().next() {
            let answer = http::post(&letter.path(), &letter.key, &letter.body).await;
            match verdict(answer.as_ref()) {
                Verdict::Delivered | Verdict::Dropped => {
                    remove(&letter.key);
                    let settled = STATE.with_borrow_mut(|state| {
                        state.failures = 0;
                        state.on_settled.clone()
                    });
                    if let (false, Some(settled)) = (letter.follow_up, settled) {
                        settled(&letter.survey);
                    }
                }
                Verdict::Later(wait) => {
                    let failures = STATE.with_borrow_mut(|state| {
                        state.failures += 1;
                        state.failures
                    });
                    let secs = wait.unwrap_or_else(|| backoff_secs(failures)).clamp(1, BACKOFF_MAX_SECS);
                    later(deliver, secs * 1000);
                    break;
                }
            }
        }
        STATE.with_borrow_mut(|state| state.sending = false);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(response: &str, follow_up: bool, key: &str) -> Letter {
        Letter { survey: "s1".into(), response: response.into(), follow_up, key: key.into(), body: "{}".into() }
    }

    #[test]
    fn a_newer_follow_up_replaces_the_waiting_one_and_keeps_the_order() {
        let letters = queued(vec![letter("r1", false, "k1"), letter("r1", true, "k2")], letter("r2", false, "k3"));
        let letters = queued(letters, letter("r1", true, "k4"));
        let keys: Vec<&str> = letters.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["k1", "k3", "k4"]);
    }

    #[test]
    fn the_loader_gets_the_letters_of_its_survey_in_order() {
        let other = Letter { survey: "s2".into(), ..letter("r9", false, "k9") };
        let letters = [letter("r1", false, "k1"), other, letter("r1", true, "k2")];
        let waiting: Vec<(String, &str)> =
            waiting_for(&letters, "s1").map(|letter| (letter.path(), letter.key.as_str())).collect();
        assert_eq!(
            waiting,
            [("/surveys/s1/responses".into(), "k1"), ("/surveys/s1/responses/r1/follow-up".into(), "k2")]
        );
        assert_eq!(waiting_for(&[], "s1").count(), 0);
    }

    #[test]
    fn letters_go_to_the_answer_and_its_follow_up() {
        assert_eq!(letter("r1", false, "k").path(), "/surveys/s1/responses");
        assert_eq!(letter("r1", true, "k").path(), "/surveys/s1/responses/r1/follow-up");
    }

    fn answer(status: u16, retry_after: Option<u32>) -> Option<Answer> {
        Some(Answer { status, body: String::new(), retry_after })
    }

    #[test]
    fn only_lasting_refusals_drop_a_letter() {
        assert_eq!(verdict(answer(201, None).as_ref()), Verdict::Delivered);
        assert_eq!(verdict(answer(200, None).as_ref()), Verdict::Delivered);
        assert_eq!(verdict(answer(404, None).as_ref()), Verdict::Dropped);
        assert_eq!(verdict(answer(409, None).as_ref()), Verdict::Dropped);
        assert_eq!(verdict(answer(422, None).as_ref()), Verdict::Dropped);
        assert_eq!(verdict(answer(429, Some(30)).as_ref()), Verdict::Later(Some(30)));
        assert_eq!(verdict(answer(408, None).as_ref()), Verdict::Later(None));
        assert_eq!(verdict(answer(503, None).as_ref()), Verdict::Later(None));
        assert_eq!(verdict(None), Verdict::Later(None));
    }

    #[test]
    fn waits_double_up_to_five_minutes() {
        let waits: Vec<u32> = (1..=10).map(backoff_secs).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    }
}
