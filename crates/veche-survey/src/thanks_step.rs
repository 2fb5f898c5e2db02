use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::Category;

use crate::community_link::community_link;
use crate::follow_up_step::FollowUpDraft;
use crate::links::Community;
use crate::nps_survey::{Ids, runs};
use crate::texts::Text;

/// The thank-you, by the score's group: promoters are invited into the community (or to tell a
/// friend), passives to propose an idea, detractors are offered contact and an idea.
#[component]
pub(crate) fn ThanksStep(
    /// The score's group.
    category: Category,
    /// The company asked about.
    company: String,
    /// The follow-up as typed (did they ask to be contacted?).
    draft: FollowUpDraft,
    /// Where the community's pages are.
    community: Community,
    /// The language of the texts.
    locale: Locale,
    /// Element ids of this survey.
    ids: Ids,
    /// "Ask us to contact you": back to the follow-up with contact ticked.
    on_ask_contact: Callback<()>,
    /// "Done".
    on_done: Callback<()>,
) -> impl IntoView {
    let link = |href: String, text: Text, class: &'static str| community_link(href, text, &community, locale, class);
    let promoter = category == Category::Promoter;
    let detractor = !promoter && category != Category::Passive;
    // The follow-up is behind: what it said no longer changes on this step.
    let contact_asked = draft.sent.get_untracked() && draft.contact_ok.get_untracked();
    let message = match category {
        Category::Promoter if community.in_app => Text::ThanksPromoterMember.with_company(locale, &company),
        Category::Promoter => Text::ThanksPromoter.with_company(locale, &company),
        Category::Passive => Text::ThanksPassive.get(locale).to_owned(),
        _ if contact_asked => format!("{} {}", Text::ThanksDetractor.get(locale), Text::WillContact.get(locale)),
        _ => Text::ThanksDetractor.get(locale).to_owned(),
    };
    let join = (promoter && !community.in_app).then(|| {
        link(community.register(), Text::JoinCommunity, "veche-survey__button veche-survey__button--secondary")
    });
    let share = promoter.then(|| {
        view! { <a class="veche-survey__link" href=community.share(locale, &company)>{Text::Share.get(locale)}</a> }
    });
    let contact = (detractor && !contact_asked).then(|| {
        view! {
            <button
                type="button"
                class="veche-survey__button veche-survey__button--secondary"
                on:click=runs(on_ask_contact)
            >
                {Text::AskContact.get(locale)}
            </button>
        }
    });
    let idea = (!promoter).then(|| link(community.new_idea(), Text::ProposeIdea, ""));
    view! {
        <div class="veche-survey__step">
            <h2 class="veche-survey__heading veche-survey__lead" id=ids.of("thanks") tabindex="-1">
                {Text::ThanksHeading.get(locale)}
            </h2>
            <p>{message}</p>
            <div class="veche-survey__actions">
                {join} {share} {contact} {idea}
                <button type="button" class="veche-survey__button" on:click=runs(on_done)>
                    {Text::Done.get(locale)}
                </button>
            </div>
        </div>
    }
}
