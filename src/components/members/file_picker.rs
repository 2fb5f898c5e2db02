use leptos::html::Input;
use leptos::prelude::*;

use super::picture_file::picked_file;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// A file input whose button and "no file chosen" speak the app's language (the browser's own
/// button speaks the browser's). The input stays in the page, visually hidden, so the keyboard
/// and screen readers reach it; its label is the button.
#[component]
pub fn FilePicker(
    /// Id of the input.
    id: &'static str,
    /// What the button says; the input's name too.
    label: &'static str,
    /// The accepted types (`accept`).
    accept: &'static str,
    /// Id of a hint that describes the input.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// The input, to read the picked file from.
    #[prop(optional)]
    node_ref: NodeRef<Input>,
    /// Told of each pick.
    #[prop(optional)]
    on_change: Option<Callback<leptos::ev::Event>>,
    /// The picked file's name, shown beside the button when given (the owner clears it when it
    /// empties the input).
    #[prop(optional)]
    picked: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let changed = move |event: leptos::ev::Event| {
        if let Some(picked) = picked {
            let input: web_sys::HtmlInputElement = event_target(&event);
            picked.set(picked_file(&input).map(|file| file.name()));
        }
        if let Some(on_change) = on_change {
            on_change.run(event);
        }
    };
    view! {
        <span class="file-picker">
            <input
                id=id
                class="file-picker__input visually-hidden"
                type="file"
                accept=accept
                aria-describedby=described_by
                node_ref=node_ref
                on:change=changed
            />
            <label class="button button--secondary file-picker__button" for=id>{label}</label>
            {picked.map(|picked| view! {
                <span class="file-picker__name">
                    {move || picked.get().unwrap_or_else(|| i18n.t(Members::NoFileChosen).to_owned())}
                </span>
            })}
        </span>
    }
}
