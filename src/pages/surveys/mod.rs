//! The staff's NPS surveys: the list, the editor with the embed snippets, the results; and the
//! banner that asks members inside the community.

mod edit_survey_page;
mod new_survey_page;
mod survey_banner;
mod survey_results_page;
mod surveys_page;

use edit_survey_page::EditSurveyPage;
use leptos::prelude::*;
use new_survey_page::NewSurveyPage;
pub use survey_banner::SurveyBanner;
use survey_results_page::SurveyResultsPage;
use surveys_page::SurveysPage;
use veche_api::surveys::SurveyInput;

use crate::api::client::new_idempotency_key;
use crate::components::feedback::{Loading, StaffOnly};
use crate::components::surveys::survey_styles;
use crate::pages::area_rest;
use crate::pages::not_found::NotFoundPage;

/// Which page of the survey area an address (below `/admin/surveys/`) names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    List,
    New,
    Results(String),
    Edit(String),
    Unknown,
}

impl Place {
    fn of(rest: &str) -> Place {
        let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] => Place::List,
            ["new"] => Place::New,
            [id] => Place::Results((*id).to_owned()),
            [id, "edit"] => Place::Edit((*id).to_owned()),
            _ => Place::Unknown,
        }
    }
}

/// `/admin/surveys/…` (staff only; anyone else gets the app's "no access"): the list, a new
/// survey, a survey's results, its editor. The app's router sends the whole area here, so the
/// first load carries one route for it, not four.
#[component]
pub fn SurveysArea() -> impl IntoView {
    let rest = area_rest("/admin/surveys");
    let place = Memo::new(move |_| rest.with(|rest| Place::of(rest)));
    let styles = LocalResource::new(|| async {
        let _ = survey_styles().await;
    });
    view! {
        <Show when=move || styles.get().is_some() fallback=Loading>
            <StaffOnly>
                {move || match place.get() {
                    Place::List => view! { <SurveysPage /> }.into_any(),
                    Place::New => view! { <NewSurveyPage /> }.into_any(),
                    Place::Results(id) => view! { <SurveyResultsPage id=id /> }.into_any(),
                    Place::Edit(id) => view! { <EditSurveyPage id=id /> }.into_any(),
                    Place::Unknown => view! { <NotFoundPage /> }.into_any(),
                }}
            </StaffOnly>
        </Show>
    }
}

/// The Idempotency-Key of a save: the same while the same survey is sent again (a retry after a
/// lost answer), a new one once the content changed.
#[derive(Clone, Copy)]
struct SaveKey(StoredValue<Option<(SurveyInput, String)>>);

impl SaveKey {
    fn new() -> Self {
        SaveKey(StoredValue::new(None))
    }

    fn for_input(&self, input: &SurveyInput) -> String {
        if let Some((_, key)) = self.0.with_value(|last| last.clone()).filter(|(sent, _)| sent == input) {
            return key;
        }
        let key = new_idempotency_key();
        self.0.set_value(Some((input.clone(), key.clone())));
        key
    }

    /// The save went through: whatever comes next is a new one.
    fn done(&self) {
        self.0.set_value(None);
    }
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn addresses_name_their_page() {
        assert_eq!(Place::of(""), Place::List);
        assert_eq!(Place::of("/"), Place::List);
        assert_eq!(Place::of("new"), Place::New);
        assert_eq!(Place::of("12"), Place::Results("12".into()));
        assert_eq!(Place::of("12/edit/"), Place::Edit("12".into()));
        assert_eq!(Place::of("12/delete"), Place::Unknown);
    }
}
