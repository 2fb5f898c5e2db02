use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::{COMMENT_MAX, Category, FollowUpInput};
use veche_api::validate::{self, Issue};

use crate::community_link::community_link;
use crate::links::Community;
use crate::nps_survey::{Ids, element, runs};
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

/// The problems of a follow-up, by field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Problems {
    pub comment: Option<Issue>,
    pub contact_email: Option<Issue>,
}

/// The rules of `check_follow_up` field by field (its map of field names would cost the frame's
/// bundle a BTreeMap), plus: asking to be contacted needs an address unless the company already
/// knows who answers.
pub(crate) fn check(input: &FollowUpInput, email_required: bool) -> Problems {
    let contact_email = match input.contact_email.as_deref() {
        Some(email) if !email.trim().is_empty() => validate::email(email),
        None if input.contact_ok && email_required => Some(Issue::Required),
        _ => None,
    };
    Problems { comment: validate::optional_text(&input.comment, COMMENT_MAX), contact_email }
}

/// The follow-up question for the score's group, with a comment box; detractors can also ask to
/// be contacted (with their e-mail) or go and propose an idea. "Skip" goes on without it: the
/// score is already saved. Problems show beside their field once "Send" was pressed, and update
/// as the visitor types.
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
    let tried = StoredValue::new(false);
    let comment_issue = RwSignal::new(None::<Issue>);
    let email_issue = RwSignal::new(None::<Issue>);
    let comment_id = ids.of("comment");
    let email_id = ids.of("email");
    // Checks what is typed; `None` when it can be sent.
    let recheck = move || {
        let input = draft.input(category);
        let problems = check(&input, email_required);
        comment_issue.set(problems.comment);
        email_issue.set(problems.contact_email);
        (problems == Problems::default()).then_some(input)
    };
    // One handler type for both fields.
    let typed_into = move |field: RwSignal<String>| {
        move |event: leptos::ev::Event| {
            field.set(event_target_value(&event));
            if tried.get_value() {
                recheck();
            }
        }
    };
    let send = {
        let (comment_id, email_id) = (comment_id.clone(), email_id.clone());
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            tried.set_value(true);
            match recheck() {
                Some(input) => on_send.run(input),
                None => {
                    let first = if comment_issue.get_untracked().is_some() { &comment_id } else { &email_id };
                    if let Some(field) = element::<web_sys::HtmlElement>(first) {
                        let _ = field.focus();
                    }
                }
            }
        }
    };
    let error_text = move |issue: RwSignal<Option<Issue>>| move || issue.get().map(|issue| issue.message(locale));
    let invalid = move |issue: RwSignal<Option<Issue>>| move || issue.get().map(|_| "true");

    let comment_error_id = ids.of("comment-error");
    let email_error_id = ids.of("email-error");
    let contact_id = ids.of("contact");
    let contact = (category == Category::Detractor).then(|| {
        view! {
            <div class="veche-survey__check">
                <input
                    type="checkbox"
                    class="veche-survey__checkbox"
                    id=contact_id.clone()
                    checked=draft.contact_ok.get_untracked()
                    on:change=move |event| {
                        draft.contact_ok.set(event_target_checked(&event));
                        if tried.get_value() {
                            recheck();
                        }
                    }
                />
                <label for=contact_id>{Text::ContactMe.get(locale)}</label>
            </div>
            <div class="veche-survey__field" hidden=move || !draft.contact_ok.get()>
                <label class="veche-survey__label" for=email_id.clone()>
                    {Text::Email.get(locale)}
                </label>
                <input
                    type="email"
                    class="veche-survey__input"
                    id=email_id
                    autocomplete="email"
                    inputmode="email"
                    value=draft.email.get_untracked()
                    aria-invalid=invalid(email_issue)
                    aria-describedby=email_error_id.clone()
                    on:input=typed_into(draft.email)
                />
                <p class="veche-survey__error" id=email_error_id>
                    {error_text(email_issue)}
                </p>
            </div>
            <p class="veche-survey__aside">
                {community_link(community.new_idea(), Text::ProposeIdea, &community, locale, "")}
            </p>
        }
    });
    view! {
        <form class="veche-survey__step" novalidate on:submit=send>
            <p class="veche-survey__saved veche-survey__lead" role="status">
                {Text::ScoreSaved.get(locale)}
            </p>
            <div class="veche-survey__field">
                <label class="veche-survey__label veche-survey__question" for=comment_id.clone()>
                    {question}
                </label>
                <textarea
                    class="veche-survey__textarea"
                    id=comment_id
                    rows="3"
                    maxlength=COMMENT_MAX.to_string()
                    aria-invalid=invalid(comment_issue)
                    aria-describedby=comment_error_id.clone()
                    on:input=typed_into(draft.comment)
                >
                    {draft.comment.get_untracked()}
                </textarea>
                <p class="veche-survey__error" id=comment_error_id>
                    {error_text(comment_issue)}
                </p>
            </div>
            {contact}
            <div class="veche-survey__actions">
                <button type="submit" class="veche-survey__button">
                    {Text::Send.get(locale)}
                </button>
                <button
                    type="button"
                    class="veche-survey__button veche-survey__button--secondary"
                    on:click=runs(on_skip)
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
        assert_eq!(check(&follow_up(true, None), true).contact_email, Some(Issue::Required));
        assert_eq!(check(&follow_up(true, None), false), Problems::default());
        assert_eq!(check(&follow_up(false, None), true), Problems::default());
        assert_eq!(check(&follow_up(true, Some("nope")), false).contact_email, Some(Issue::EmailFormat));
        assert_eq!(check(&follow_up(true, Some("ann@example.com")), true), Problems::default());
    }

    #[test]
    fn the_checks_are_the_contracts() {
        let long = "й".repeat(COMMENT_MAX + 1);
        for comment in ["", "Slow support", long.as_str()] {
            for email in [None, Some(""), Some("  "), Some("nope"), Some("ann@example.com")] {
                let input = FollowUpInput {
                    comment: comment.to_owned(),
                    contact_ok: email.is_some(),
                    contact_email: email.map(str::to_owned),
                };
                let shared = veche_api::surveys::check_follow_up(&input);
                let own = check(&input, false);
                assert_eq!((own.comment, own.contact_email), (shared.get("comment"), shared.get("contact_email")));
            }
        }
    }
}
