use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::surveys::{Survey, SurveyKind};

use crate::api::surveys;
use crate::api::url::encode;
use crate::components::feedback::{EmptyState, Loaded};
use crate::i18n::messages::surveys::{self as texts, Surveys, kind_text};
use crate::i18n::use_i18n;

/// `/admin/surveys` (staff): every survey with its kind, current NPS, answers and state.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(surveys::list);
    view! {
        <Title text=i18n.t(Surveys::Title) />
        <div class="surveys-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Surveys::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Surveys::Intro)}</p>
                </div>
                <div class="page-head__actions">
                    <A href="/admin/surveys/new" attr:class="button">{i18n.t(Surveys::NewSurvey)}</A>
                </div>
            </header>
            <Loaded resource=list let:all>
                {{
                    if all.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Surveys::NoSurveys) /> })
                    } else {
                        Either::Right(view! {
                            <ul class="survey-list">
                                {all.into_iter().map(|survey| view! { <SurveyRow survey=survey /> }).collect_view()}
                            </ul>
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}

/// One survey of the list.
#[component]
fn SurveyRow(
    /// The survey shown.
    survey: Survey,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let href = format!("/admin/surveys/{}", encode(&survey.id));
    let kind = SurveyKind::parse_known(&survey.input.kind).unwrap_or(SurveyKind::Nps);
    let (results_name, edit_name) = (survey.input.name.clone(), survey.input.name.clone());
    view! {
        <li class="survey-row">
            <div class="survey-row__main">
                <h2>
                    <A href=href.clone()>{survey.input.name.clone()}</A>
                </h2>
                <p class="survey-row__meta">
                    <span>{i18n.t(kind_text(kind))}</span>
                    " · "<span>{survey.input.company.clone()}</span>
                    " · "
                    <span>{i18n.t(if survey.input.active { Surveys::Active } else { Surveys::Paused })}</span>
                    {survey.input.in_app.then(|| view! { " · "<span>{i18n.t(Surveys::InApp)}</span> })}
                </p>
            </div>
            <p>
                {match survey.nps {
                    Some(score) => Either::Left(view! {
                        <strong>{i18n.t(Surveys::Nps)}" "{texts::signed_score(score)}</strong>
                    }),
                    None => Either::Right(view! { <span class="survey-row__meta">{i18n.t(Surveys::NoScoreYet)}</span> }),
                }}
                <span class="survey-row__meta">{texts::answers(locale, survey.response_count)}</span>
            </p>
            <p>
                <A href=href attr:class="button button--secondary button--small">
                    {i18n.t(Surveys::Results)}<span class="visually-hidden">{results_name}</span>
                </A>
                <A href=format!("/admin/surveys/{}/edit", encode(&survey.id)) attr:class="button button--ghost button--small">
                    {i18n.t(Surveys::Edit)}<span class="visually-hidden">{edit_name}</span>
                </A>
            </p>
        </li>
    }
}
