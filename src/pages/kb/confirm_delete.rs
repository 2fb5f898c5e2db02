use leptos::either::Either;
use leptos::html::Button;
use leptos::prelude::*;

use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// A delete button that asks once more before it acts: the question, "Yes, delete" and "Keep
/// it". The keyboard focus follows (to "Yes, delete", and back to the button on "Keep it").
#[component]
pub fn ConfirmDelete(
    /// The button's text ("Delete the article").
    label: &'static str,
    /// The question asked before deleting.
    question: &'static str,
    /// Deletes; runs on the second "yes".
    on_confirm: Callback<()>,
    /// The deletion is under way.
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let (yes, ask) = (NodeRef::<Button>::new(), NodeRef::<Button>::new());
    let kept = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = yes.get() {
            let _ = button.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(button) = ask.get()
            && kept.get_value()
        {
            let _ = button.focus();
        }
    });
    move || {
        if asking.get() {
            Either::Left(view! {
                <div class="kb-confirm" role="group" aria-label=label>
                    <p class="kb-confirm__question">{question}</p>
                    <div class="form__actions">
                        <button type="button" class="button button--small" node_ref=yes disabled=move || pending.get()
                            on:click=move |_| on_confirm.run(())>
                            {i18n.t(Kb::ConfirmDelete)}
                        </button>
                        <button type="button" class="button button--ghost button--small"
                            on:click=move |_| { kept.set_value(true); asking.set(false) }>
                            {i18n.t(Kb::KeepIt)}
                        </button>
                    </div>
                </div>
            })
        } else {
            Either::Right(view! {
                <button type="button" class="button button--ghost button--small" node_ref=ask on:click=move |_| asking.set(true)>
                    {label}
                </button>
            })
        }
    }
}
