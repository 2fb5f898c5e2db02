//! The survey component in headless Chromium (`wasm-bindgen-test`): the keyboard moves the
//! score, the follow-up asks each group its own question, and a detractor's e-mail is checked
//! beside the field.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::{FollowUpInput, PublicSurvey, SurveyTexts, Throttle};
use veche_survey::{Community, NpsSurvey};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

fn find<E: JsCast>(selector: &str) -> E {
    document().query_selector(selector).ok().flatten().expect(selector).dyn_into().expect(selector)
}

fn text_of(selector: &str) -> String {
    document().query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

async fn settle() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 40);
    });
    JsFuture::from(wait).await.expect("timer");
}

/// What the survey told its host, in order.
#[derive(Clone, Debug, PartialEq)]
enum Told {
    Score(u8),
    FollowUp(FollowUpInput),
    Dismissed,
    Done,
}

struct Mounted {
    told: RwSignal<Vec<Told>>,
    prefix: String,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Mounts a survey with its own ids (`veche-survey-<id>-…`) in a fresh element.
fn mount(id: &str) -> Mounted {
    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let told = RwSignal::new(Vec::new());
    let survey = PublicSurvey {
        id: id.to_owned(),
        kind: "nps".into(),
        company: "Acme".into(),
        texts_en: SurveyTexts::default(),
        texts_ru: SurveyTexts::default(),
        throttle: Throttle::default(),
        open: true,
    };
    let handle = leptos::mount::mount_to(host.dyn_into().expect("element"), move || {
        let tell = move |what: Told| told.update(|all| all.push(what));
        view! {
            <NpsSurvey
                survey
                locale=Locale::En
                community=Community { origin: "https://veche.example.com".into(), in_app: false }
                on_score=Callback::new(move |score| tell(Told::Score(score)))
                on_follow_up=Callback::new(move |input| tell(Told::FollowUp(input)))
                on_dismiss=Callback::new(move |()| tell(Told::Dismissed))
                on_done=Callback::new(move |()| tell(Told::Done))
            />
        }
        .into_any()
    });
    Mounted { told, prefix: format!("#veche-survey-{id}"), _handle: handle }
}

impl Mounted {
    fn radio(&self, score: u8) -> web_sys::HtmlInputElement {
        find(&format!("{}-score-{score}", self.prefix))
    }

    fn checked(&self) -> Vec<u8> {
        (0..=10).filter(|&score| self.radio(score).checked()).collect()
    }

    fn press(&self, target: &web_sys::HtmlElement, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
        target.dispatch_event(&event).expect("dispatch");
    }

    fn send(&self) {
        find::<web_sys::HtmlElement>(".veche-survey button[type=submit]").click();
    }

    async fn answer(&self, score: u8) {
        self.radio(score).click();
        self.send();
        settle().await;
    }

    fn told(&self) -> Vec<Told> {
        self.told.get_untracked()
    }
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_score_and_send_sends_it() {
    let survey = mount("keys");
    settle().await;
    assert_eq!(survey.checked(), Vec::<u8>::new(), "nothing chosen at first");
    // Sending without a score says so and takes the keyboard to the group.
    survey.send();
    settle().await;
    assert_eq!(text_of("#veche-survey-keys-score-error"), "Choose a score from 0 to 10.");
    assert_eq!(focused_id(), "veche-survey-keys-score-0");
    assert!(survey.told().is_empty());

    let first = survey.radio(0);
    survey.press(&first, "ArrowRight");
    assert_eq!(survey.checked(), [1]);
    assert_eq!(focused_id(), "veche-survey-keys-score-1");
    survey.press(&survey.radio(1), "ArrowRight");
    survey.press(&survey.radio(2), "ArrowDown");
    assert_eq!(survey.checked(), [3]);
    survey.press(&survey.radio(3), "ArrowLeft");
    assert_eq!(survey.checked(), [2]);
    // The ends wrap around, as in any radio group.
    survey.press(&survey.radio(2), "Home");
    survey.press(&survey.radio(0), "ArrowLeft");
    assert_eq!(survey.checked(), [10]);
    assert_eq!(focused_id(), "veche-survey-keys-score-10");
    settle().await;
    assert_eq!(text_of("#veche-survey-keys-score-error"), "", "the message goes once a score is chosen");

    survey.send();
    settle().await;
    assert_eq!(survey.told(), [Told::Score(10)]);
    assert_eq!(focused_id(), "veche-survey-keys-comment", "the follow-up takes the keyboard");
}

#[wasm_bindgen_test]
async fn each_group_gets_its_own_follow_up() {
    for (score, question, offers_contact) in [
        (6, "What should we do better?", true),
        (7, "What would make it a 10?", false),
        (8, "What would make it a 10?", false),
        (9, "What do you like most?", false),
    ] {
        let id = format!("group{score}");
        let survey = mount(&id);
        settle().await;
        survey.answer(score).await;
        assert_eq!(survey.told(), [Told::Score(score)]);
        assert_eq!(text_of(&format!("label[for=veche-survey-{id}-comment]")), question, "score {score}");
        let contact = document().query_selector(&format!("#veche-survey-{id}-contact")).ok().flatten();
        assert_eq!(contact.is_some(), offers_contact, "contact offered after {score}");
    }
}

#[wasm_bindgen_test]
async fn a_detractors_e_mail_is_checked_beside_the_field() {
    let survey = mount("contact");
    settle().await;
    survey.answer(3).await;
    let email_field: web_sys::HtmlElement = find("#veche-survey-contact-email");
    assert!(email_field.offset_parent().is_none(), "the e-mail field waits for the tick");
    find::<web_sys::HtmlInputElement>("#veche-survey-contact-contact").click();
    settle().await;
    assert!(email_field.offset_parent().is_some(), "ticking shows the e-mail field");

    // Asking to be contacted without an address, then with a wrong one.
    survey.send();
    settle().await;
    assert_eq!(text_of("#veche-survey-contact-email-error"), "This field is required.");
    assert_eq!(focused_id(), "veche-survey-contact-email");
    let email: web_sys::HtmlInputElement = find("#veche-survey-contact-email");
    email.set_value("nope");
    email.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    settle().await;
    assert_eq!(text_of("#veche-survey-contact-email-error"), "Enter an e-mail address like name@example.com.");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(email.get_attribute("aria-describedby").as_deref(), Some("veche-survey-contact-email-error"));
    let error_beside = email.next_element_sibling().map(|e| e.id());
    assert_eq!(error_beside.as_deref(), Some("veche-survey-contact-email-error"), "the message follows the field");
    assert_eq!(survey.told(), [Told::Score(3)], "nothing sent while the address is wrong");

    email.set_value(" ann@example.com ");
    email.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    settle().await;
    assert_eq!(text_of("#veche-survey-contact-email-error"), "");
    assert_eq!(email.get_attribute("aria-invalid"), None);
    survey.send();
    settle().await;
    let sent =
        FollowUpInput { comment: String::new(), contact_ok: true, contact_email: Some("ann@example.com".into()) };
    assert_eq!(survey.told(), [Told::Score(3), Told::FollowUp(sent)]);
    assert_eq!(
        text_of(".veche-survey__step p"),
        "We are sorry it was not better. We read every answer and would like to put it right. \
         We will contact you about this."
    );
    assert!(
        document()
            .query_selector(".veche-survey__step button.veche-survey__button--secondary")
            .ok()
            .flatten()
            .is_none(),
        "no second offer of contact"
    );
}
