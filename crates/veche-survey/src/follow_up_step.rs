use leptos::html;
use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::{COMMENT_MAX, Category, FollowUpInput, check_follow_up};
use veche_api::validate::{FieldErrors, Issue};

use crate::community_link::CommunityLink;
use crate::links::Community;
use crate::nps_survey::Ids;
use crate::texts::Text;

/// What the visitor typed in the follow-up: kept while they move between the steps, so "Ask us
/// to contact you" on the thank-you comes back to their comment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FollowUpDraft {
    pub comment: RwSignal<String>,
    pub contact_ok: RwSignal<bool>,
    pub email: RwSignal<String>,
    /// The follow-up went out (the thank-you then says whether contact was asked for).
    pub sent: RwSignal<bool>,
}

impl FollowUpDraft {
    pub fn new() -> Self {
        FollowUpDraft {
            comment: RwSignal::new(String::new()),
            contact_ok: RwSignal::new(false),
            email: RwSignal::new(String::new()),
            sent: RwSignal::new(false),
        }
    }

    /// The follow-up as it would be sent (tracked); contact only for a detractor.
    fn input(&self, category: Category) -> FollowUpInput {
        let contact_ok = category == Category::Detractor && self.contact_ok.get();
        let email = self.email.get();
        let email = email.trim();
        FollowUpInput {
            comment: self.comment.get().trim().to_owned(),
            contact_ok,
            contact_email: (contact_ok && !email.is_empty()).then(|| email.to_owned()),
        }
    }
}

/// The shared checks of a follow-up, plus: asking to be contacted needs an address unless the
/// company already knows who answers.
pub(crate) fn check(input: &FollowUpInput, email_required: bool) -> FieldErrors {
    let mut errors = check_follow_up(input);
    if input.contact_ok && email_required && input.contact_email.is_none() {
        errors.add("contact_email", Issue::Required);
    }
    errors
}

/// The follow-up question for the score's group, with a comment box; detractors can also ask to
/// be contacted (with their e-mail) or go and propose an idea. "Skip" goes on without it: the
/// score is already saved.
#[component]
pub(crate) fn FollowUpStep(
    /// The question for the score's group.
    question: String,
    /// The score's group.
    category: Category,
    /// What was typed so far.
    draft: FollowUpDraft,
    /// Contact needs an e-mail address.
    email_required: bool,
    /// Where "propose an idea" goes.
    community: Community,
    /// The language of the texts.
    locale: Locale,
    /// Element ids of this survey.
    ids: Ids,
    /// Told the checked follow-up.
    on_send: Callback<FollowUpInput>,
    /// Going on without a follow-up.
    on_skip: Callback<()>,
) -> impl IntoView {
    let tried = RwSignal::new(false);
    let errors =
        Memo::new(
            move |_| if tried.get() { check(&draft.input(category), email_required) } else { FieldErrors::new() },
        );
    let message = move |field: &'static str| errors.with(|errors| errors.get(field).map(|issue| issue.message(locale)));
    let comment_box = NodeRef::<html::Textarea>::new();
    let email_box = NodeRef::<html::Input>::new();
    // Coming back to ask for contact, the address is what is left to fill in.
    let start_at_email = draft.contact_ok.get_untracked();
    Effect::new(move |_| {
        if start_at_email {
            if let Some(input) = email_box.get() {
                let _ = input.focus();
            }
        } else if let Some(text) = comment_box.get() {
            let _ = text.focus();
        }
    });
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        tried.set(true);
        let input = draft.input(category);
        let problems = check(&input, email_required);
        if problems.is_empty() {
            on_send.run(input);
        } else if problems.get("comment").is_some() {
            if let Some(text) = comment_box.get_untracked() {
                let _ = text.focus();
            }
        } else if let Some(input) = email_box.get_untracked() {
            let _ = input.focus();
        }
    };

    let comment_id = ids.of("comment");
    let comment_error_id = ids.of("comment-error");
    let contact_id = ids.of("contact");
    let email_id = ids.of("email");
    let email_error_id = ids.of("email-error");
    let field_error = move |id: String, field: &'static str| {
        move || message(field).map(|text| view! { <p class="veche-survey__error" id=id.clone()>{text}</p> })
    };
    let contact = (category == Category::Detractor).then(|| {
        let email_field = {
            let email_id = email_id.clone();
            let email_error_id = email_error_id.clone();
            move || {
                draft.contact_ok.get().then(|| {
                    let invalid = move || message("contact_email").is_some();
                    let described_by = email_error_id.clone();
                    view! {
                        <div class="veche-survey__field" class:veche-survey__field--invalid=invalid>
                            <label class="veche-survey__label" for=email_id.clone()>
                                {Text::Email.get(locale)}
                            </label>
                            <input
                                type="email"
                                class="veche-survey__input"
                                id=email_id.clone()
                                node_ref=email_box
                                autocomplete="email"
                                inputmode="email"
                                aria-invalid=move || invalid().then_some("true")
                                aria-describedby=move || invalid().then(|| described_by.clone())
                                prop:value=move || draft.email.get()
                                on:input=move |event| draft.email.set(event_target_value(&event))
                            />
                            {field_error(email_error_id.clone(), "contact_email")}
                        </div>
                    }
                })
            }
        };
        view! {
            <div class="veche-survey__check">
                <input
                    type="checkbox"
                    class="veche-survey__checkbox"
                    id=contact_id.clone()
                    prop:checked=move || draft.contact_ok.get()
                    on:change=move |event| draft.contact_ok.set(event_target_checked(&event))
                />
                <label for=contact_id>{Text::ContactMe.get(locale)}</label>
            </div>
            {email_field}
            <p class="veche-survey__aside">
                <CommunityLink href=community.new_idea() text=Text::ProposeIdea community=community.clone() locale />
            </p>
        }
    });
    let comment_invalid = move || message("comment").is_some();
    view! {
        <form class="veche-survey__step" novalidate on:submit=send>
            <p class="veche-survey__saved veche-survey__lead" role="status">
                {Text::ScoreSaved.get(locale)}
            </p>
            <div class="veche-survey__field" class:veche-survey__field--invalid=comment_invalid>
                <label class="veche-survey__label veche-survey__question" for=comment_id.clone()>
                    {question}
                </label>
                <textarea
                    class="veche-survey__textarea"
                    id=comment_id
                    node_ref=comment_box
                    rows="3"
                    maxlength=COMMENT_MAX.to_string()
                    aria-invalid=move || comment_invalid().then_some("true")
                    aria-describedby={
                        let id = comment_error_id.clone();
                        move || comment_invalid().then(|| id.clone())
                    }
                    prop:value=move || draft.comment.get()
                    on:input=move |event| draft.comment.set(event_target_value(&event))
                ></textarea>
                {field_error(comment_error_id, "comment")}
            </div>
            {contact}
            <div class="veche-survey__actions">
                <button type="submit" class="veche-survey__button">
                    {Text::Send.get(locale)}
                </button>
                <button
                    type="button"
                    class="veche-survey__button veche-survey__button--secondary"
                    on:click=move |_| on_skip.run(())
                >
                    {Text::Skip.get(locale)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up(contact_ok: bool, email: Option<&str>) -> FollowUpInput {
        FollowUpInput { comment: "Slow support".into(), contact_ok, contact_email: email.map(str::to_owned) }
    }

    #[test]
    fn contact_needs_an_address_unless_the_respondent_is_known() {
        assert_eq!(check(&follow_up(true, None), true).get("contact_email"), Some(Issue::Required));
        assert!(check(&follow_up(true, None), false).is_empty());
        assert!(check(&follow_up(false, None), true).is_empty());
        assert_eq!(check(&follow_up(true, Some("nope")), false).get("contact_email"), Some(Issue::EmailFormat));
        assert!(check(&follow_up(true, Some("ann@example.com")), true).is_empty());
    }
}
