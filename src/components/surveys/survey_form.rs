use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use veche_api::surveys::{self as contract, SurveyInput, SurveyKind, SurveyTexts, Throttle};

use crate::components::form::{CheckboxField, FormAlert, FormState, SelectField, TextField};
use crate::i18n::messages::surveys::{Surveys, kind_text};
use crate::i18n::use_i18n;

/// The survey form as typed: numbers and the origins stay the text the member wrote, so a
/// draft brings back exactly that.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyDraft {
    pub name: String,
    pub kind: String,
    pub company: String,
    pub texts_en: SurveyTexts,
    pub texts_ru: SurveyTexts,
    /// One origin per line.
    pub origins: String,
    pub days_after_answer: String,
    pub days_after_dismiss: String,
    pub sample_percent: String,
    pub min_visits: String,
    pub in_app: bool,
    pub active: bool,
    pub starts_on: String,
    pub ends_on: String,
}

impl Default for SurveyDraft {
    fn default() -> Self {
        SurveyDraft::of(&SurveyInput {
            name: String::new(),
            kind: SurveyKind::Nps.as_str().to_owned(),
            company: String::new(),
            texts_en: SurveyTexts::default(),
            texts_ru: SurveyTexts::default(),
            allowed_origins: Vec::new(),
            throttle: Throttle::default(),
            in_app: false,
            starts_on: None,
            ends_on: None,
            active: true,
        })
    }
}

/// A whole number as typed; anything that is not one reads as the type's largest value, which
/// the checks refuse with the field's range in the message.
fn typed_number<T: TryFrom<u64> + Copy>(text: &str, unreadable: T) -> T {
    text.trim().parse::<u64>().ok().and_then(|n| T::try_from(n).ok()).unwrap_or(unreadable)
}

impl SurveyDraft {
    /// The form filled with a survey as it stands.
    pub fn of(survey: &SurveyInput) -> SurveyDraft {
        let throttle = &survey.throttle;
        SurveyDraft {
            name: survey.name.clone(),
            kind: survey.kind.clone(),
            company: survey.company.clone(),
            texts_en: survey.texts_en.clone(),
            texts_ru: survey.texts_ru.clone(),
            origins: survey.allowed_origins.join("\n"),
            days_after_answer: throttle.days_after_answer.to_string(),
            days_after_dismiss: throttle.days_after_dismiss.to_string(),
            sample_percent: throttle.sample_percent.to_string(),
            min_visits: throttle.min_visits.to_string(),
            in_app: survey.in_app,
            active: survey.active,
            starts_on: survey.starts_on.clone().unwrap_or_default(),
            ends_on: survey.ends_on.clone().unwrap_or_default(),
        }
    }

    /// What is sent: texts trimmed, the non-empty lines as origins (without a trailing slash,
    /// which browsers never send in `Origin`), empty dates as none.
    pub fn input(&self) -> SurveyInput {
        let trimmed = |texts: &SurveyTexts| SurveyTexts {
            question: texts.question.trim().to_owned(),
            detractor: texts.detractor.trim().to_owned(),
            passive: texts.passive.trim().to_owned(),
            promoter: texts.promoter.trim().to_owned(),
        };
        let day = |text: &str| Some(text.trim().to_owned()).filter(|d| !d.is_empty());
        SurveyInput {
            name: self.name.trim().to_owned(),
            kind: self.kind.clone(),
            company: self.company.trim().to_owned(),
            texts_en: trimmed(&self.texts_en),
            texts_ru: trimmed(&self.texts_ru),
            allowed_origins: self
                .origins
                .lines()
                .map(|line| line.trim().trim_end_matches('/'))
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
            throttle: Throttle {
                days_after_answer: typed_number(&self.days_after_answer, u32::MAX),
                days_after_dismiss: typed_number(&self.days_after_dismiss, u32::MAX),
                sample_percent: typed_number(&self.sample_percent, u8::MAX),
                min_visits: typed_number(&self.min_visits, 0),
            },
            in_app: self.in_app,
            starts_on: day(&self.starts_on),
            ends_on: day(&self.ends_on),
            active: self.active,
        }
    }
}

/// One language's question and follow-ups, bound to the draft.
#[component]
fn TextsFieldset(
    /// The fieldset's title.
    legend: &'static str,
    /// `texts_en` or `texts_ru`: the prefix of the field names (and of the server's errors).
    prefix: &'static str,
    /// The texts as typed.
    texts: [RwSignal<String>; 4],
    /// The form's complaints.
    form: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let (names, labels): ([&'static str; 4], _) = match prefix {
        "texts_ru" => (
            ["texts_ru.question", "texts_ru.detractor", "texts_ru.passive", "texts_ru.promoter"],
            [Surveys::QuestionLabelRu, Surveys::DetractorLabelRu, Surveys::PassiveLabelRu, Surveys::PromoterLabelRu],
        ),
        _ => (
            ["texts_en.question", "texts_en.detractor", "texts_en.passive", "texts_en.promoter"],
            [Surveys::QuestionLabelEn, Surveys::DetractorLabelEn, Surveys::PassiveLabelEn, Surveys::PromoterLabelEn],
        ),
    };
    view! {
        <fieldset class="survey-form__group">
            <legend>{legend}</legend>
            <p class="field__hint">{i18n.t(Surveys::TextsHint)}</p>
            {names.into_iter().zip(labels).zip(texts).map(|((name, label), value)| view! {
                <TextField label=i18n.t(label) name=name value=value error=form.field(name)
                    maxlength=contract::TEXT_MAX as u32 />
            }).collect_view()}
        </fieldset>
    }
}

/// Everything staff set about a survey: what it asks in both languages, where it may be
/// embedded, who is asked and how often, and when it runs. Checked before it is sent; the
/// server's complaints land beside the same fields.
#[component]
pub fn SurveyForm(
    /// The form as typed, two-way bound (a draft keeps it).
    value: RwSignal<SurveyDraft>,
    /// The form's complaints.
    form: FormState,
    /// The submit button's text.
    submit_label: &'static str,
    /// A save is on its way.
    #[prop(into)]
    busy: Signal<bool>,
    /// Told a checked survey.
    on_submit: Callback<SurveyInput>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = value.get_untracked();
    let text = |s: &str| RwSignal::new(s.to_owned());
    let texts = |t: &SurveyTexts| [text(&t.question), text(&t.detractor), text(&t.passive), text(&t.promoter)];
    let (name, kind, company, origins) =
        (text(&start.name), text(&start.kind), text(&start.company), text(&start.origins));
    let (texts_en, texts_ru) = (texts(&start.texts_en), texts(&start.texts_ru));
    let days_after_answer = text(&start.days_after_answer);
    let days_after_dismiss = text(&start.days_after_dismiss);
    let sample_percent = text(&start.sample_percent);
    let min_visits = text(&start.min_visits);
    let (in_app, active) = (RwSignal::new(start.in_app), RwSignal::new(start.active));
    let (starts_on, ends_on) = (text(&start.starts_on), text(&start.ends_on));

    let collect_texts = |[question, detractor, passive, promoter]: [RwSignal<String>; 4]| SurveyTexts {
        question: question.get(),
        detractor: detractor.get(),
        passive: passive.get(),
        promoter: promoter.get(),
    };
    let collect = move || SurveyDraft {
        name: name.get(),
        kind: kind.get(),
        company: company.get(),
        texts_en: collect_texts(texts_en),
        texts_ru: collect_texts(texts_ru),
        origins: origins.get(),
        days_after_answer: days_after_answer.get(),
        days_after_dismiss: days_after_dismiss.get(),
        sample_percent: sample_percent.get(),
        min_visits: min_visits.get(),
        in_app: in_app.get(),
        active: active.get(),
        starts_on: starts_on.get(),
        ends_on: ends_on.get(),
    };
    Effect::new(move |_| value.set(collect()));

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let input = untrack(collect).input();
        if form.check(&contract::check_survey(&input), i18n.locale()) {
            on_submit.run(input);
        }
    };
    let kinds = SurveyKind::KNOWN.iter().map(|k| (k.as_str().to_owned(), i18n.t(kind_text(*k)).to_owned())).collect();
    let number = |label, name: &'static str, value| {
        view! { <TextField label=i18n.t(label) name=name value=value error=form.field(name) input_type="number" /> }
    };

    view! {
        <form class="form form--wide survey-form" on:submit=submit novalidate>
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(Surveys::NameLabel) name="name" value=name error=form.field("name") required=true
                maxlength=contract::NAME_MAX as u32 />
            <SelectField label=i18n.t(Surveys::KindLabel) name="kind" value=kind choices=kinds error=form.field("kind") />
            <TextField label=i18n.t(Surveys::CompanyLabel) name="company" value=company error=form.field("company")
                required=true maxlength=contract::COMPANY_MAX as u32 hint=i18n.t(Surveys::CompanyHint) />
            <TextsFieldset legend=i18n.t(Surveys::TextsEn) prefix="texts_en" texts=texts_en form=form />
            <TextsFieldset legend=i18n.t(Surveys::TextsRu) prefix="texts_ru" texts=texts_ru form=form />
            <TextField label=i18n.t(Surveys::OriginsLabel) name="allowed_origins" value=origins
                error=form.field("allowed_origins") hint=i18n.t(Surveys::OriginsHint) rows=3 />
            <fieldset class="survey-form__group">
                <legend>{i18n.t(Surveys::ThrottleLegend)}</legend>
                <div class="survey-form__row">
                    {number(Surveys::DaysAfterAnswerLabel, "throttle.days_after_answer", days_after_answer)}
                    {number(Surveys::DaysAfterDismissLabel, "throttle.days_after_dismiss", days_after_dismiss)}
                    {number(Surveys::SamplePercentLabel, "throttle.sample_percent", sample_percent)}
                    {number(Surveys::MinVisitsLabel, "throttle.min_visits", min_visits)}
                </div>
                <CheckboxField name="in_app" checked=in_app error=form.field("in_app")>{i18n.t(Surveys::InAppLabel)}</CheckboxField>
            </fieldset>
            <fieldset class="survey-form__group">
                <legend>{i18n.t(Surveys::DatesLegend)}</legend>
                <div class="survey-form__row">
                    <TextField label=i18n.t(Surveys::StartsOnLabel) name="starts_on" value=starts_on error=form.field("starts_on")
                        input_type="date" />
                    <TextField label=i18n.t(Surveys::EndsOnLabel) name="ends_on" value=ends_on error=form.field("ends_on")
                        input_type="date" />
                </div>
                <CheckboxField name="active" checked=active error=form.field("active")>{i18n.t(Surveys::ActiveLabel)}</CheckboxField>
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Surveys::Saving) } else { submit_label }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_form_holds_the_default_throttle() {
        let draft = SurveyDraft::default();
        assert_eq!((draft.days_after_answer.as_str(), draft.sample_percent.as_str()), ("90", "100"));
        assert_eq!(draft.input().throttle, Throttle::default());
        assert!(draft.active && !draft.in_app);
    }

    #[test]
    fn typed_text_becomes_the_survey_sent() {
        let draft = SurveyDraft {
            name: "  Website NPS ".into(),
            company: "Acme".into(),
            origins: " https://shop.example.com/ \n\n http://127.0.0.1:8081\n".into(),
            starts_on: "2026-01-01".into(),
            ..SurveyDraft::default()
        };
        let input = draft.input();
        assert_eq!(input.name, "Website NPS");
        assert_eq!(input.allowed_origins, ["https://shop.example.com", "http://127.0.0.1:8081"]);
        assert_eq!((input.starts_on.as_deref(), input.ends_on.as_deref()), (Some("2026-01-01"), None));
        assert!(contract::check_survey(&input).is_empty());
        assert_eq!(SurveyDraft::of(&input).origins, "https://shop.example.com\nhttp://127.0.0.1:8081");
    }

    #[test]
    fn numbers_that_are_not_numbers_are_refused_not_zeroed() {
        let draft = SurveyDraft {
            name: "Website NPS".into(),
            company: "Acme".into(),
            sample_percent: "300".into(),
            days_after_answer: "soon".into(),
            days_after_dismiss: "-5".into(),
            min_visits: String::new(),
            ..SurveyDraft::default()
        };
        let errors = contract::check_survey(&draft.input());
        for field in [
            "throttle.sample_percent",
            "throttle.days_after_answer",
            "throttle.days_after_dismiss",
            "throttle.min_visits",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
