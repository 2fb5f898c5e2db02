use leptos::either::Either;
use leptos::prelude::*;
use veche_api::moderation::{ModerationAction, TargetKind};

use super::ModerationForm;
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// What the author and moderators see on hidden content: a mark, and for moderators the form
/// to restore it. Gone once restored.
#[component]
pub fn HiddenMark(
    /// What is hidden.
    kind: TargetKind,
    /// Its id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let restored = RwSignal::new(false);
    let moderator = session.account().is_some_and(|a| a.member.access.can_moderate());
    let on_done = Callback::new(move |_| restored.set(true));
    move || {
        if restored.get() {
            Either::Left(
                view! { <p class="hidden-mark hidden-mark--restored" role="status">{i18n.t(Moderation::Done)}</p> },
            )
        } else {
            let id = id.clone();
            Either::Right(view! {
                <div class="hidden-mark">
                    <p class="hidden-mark__text">{i18n.t(Moderation::HiddenMark)}</p>
                    {moderator.then(|| view! { <ModerationForm kind=kind id=id actions=vec![ModerationAction::Restore] on_done=on_done /> })}
                </div>
            })
        }
    }
}
