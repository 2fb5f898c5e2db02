use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::Category;

use crate::community_link::community_link;
use crate::follow_up_step::FollowUpDraft;
use crate::links::Community;
use crate::nps_survey::Ids;
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
    let idea = community_link(community.new_idea(), Text::ProposeIdea, &community, locale, "");
    let offer = match category {
        Category::Promoter => {
            let invitation = if community.in_app { Text::ThanksPromoterMember } else { Text::ThanksPromoter };
            let join = (!community.in_app).then(|| {
                community_link(community.register(), Text::JoinCommunity, &community, locale, "veche-survey__button")
            });
            EitherOf3::A(view! {
                <p>{invitation.with_company(locale, &company)}</p>
                <p class="veche-survey__actions">
                    {join} <a class="veche-survey__link" href=community.share(locale, &company)>{Text::Share.get(locale)}</a>
                </p>
            })
        }
        Category::Passive => EitherOf3::B(view! {
            <p>{Text::ThanksPassive.get(locale)}</p>
            <p class="veche-survey__actions">{idea}</p>
        }),
        Category::Detractor | Category::Unknown => {
            // The follow-up is behind: what it said no longer changes on this step.
            let contact = if draft.sent.get_untracked() && draft.contact_ok.get_untracked() {
                Either::Left(view! { <p>{Text::WillContact.get(locale)}</p> })
            } else {
                Either::Right(view! {
                    <button
                        type="button"
                        class="veche-survey__button veche-survey__button--secondary"
                        on:click=move |_| on_ask_contact.run(())
                    >
                        {Text::AskContact.get(locale)}
                    </button>
                })
            };
            EitherOf3::C(view! {
                <p>{Text::ThanksDetractor.get(locale)}</p>
                <div class="veche-survey__actions">{contact} {idea}</div>
            })
        }
    };
    view! {
        <div class="veche-survey__step">
            <h2 class="veche-survey__heading veche-survey__lead" id=ids.of("thanks") tabindex="-1">
                {Text::ThanksHeading.get(locale)}
            </h2>
            {offer}
            <div class="veche-survey__actions">
                <button type="button" class="veche-survey__button" on:click=move |_| on_done.run(())>
                    {Text::Done.get(locale)}
                </button>
            </div>
        </div>
    }
}
