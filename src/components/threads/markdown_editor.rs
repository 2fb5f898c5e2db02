use leptos::either::Either;
use leptos::prelude::*;

use crate::components::markdown::Markdown;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;

/// A labelled markdown text area with a preview, a character count and its error under it.
#[component]
pub fn MarkdownEditor(
    /// Visible label.
    label: &'static str,
    /// Field name; also the base of the element ids.
    name: &'static str,
    /// The text, two-way bound.
    value: RwSignal<String>,
    /// Message shown when the text is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Most characters accepted.
    max: usize,
    /// Visible lines.
    #[prop(default = 6)]
    rows: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let previewing = RwSignal::new(false);
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count = move || value.with(|v| v.chars().count());
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <div class="field md-editor" class:field--invalid=move || error.with(Option::is_some)>
            <div class="md-editor__head">
                <label class="field__label" for=id.clone()>{label}</label>
                <div class="md-editor__tabs">
                    <button type="button" class="md-editor__tab" aria-pressed=move || (!previewing.get()).to_string()
                        on:click=move |_| previewing.set(false)>{i18n.t(Threads::Write)}</button>
                    <button type="button" class="md-editor__tab" aria-pressed=move || previewing.get().to_string()
                        on:click=move |_| previewing.set(true)>{i18n.t(Threads::Preview)}</button>
                </div>
            </div>
            <textarea
                class="field__textarea"
                id=id.clone()
                name=name
                rows=rows
                hidden=move || previewing.get()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by
                bind:value=value
            ></textarea>
            {move || previewing.get().then(|| {
                if value.with(|v| v.trim().is_empty()) {
                    Either::Left(view! { <p class="md-editor__empty">{i18n.t(Threads::NothingToPreview)}</p> })
                } else {
                    Either::Right(view! { <div class="md-editor__preview"><Markdown source=value /></div> })
                }
            })}
            <p class="field__hint md-editor__hint" id=hint_id.clone()>
                <span>{i18n.t(Threads::MarkdownHint)}</span>
                <span class="md-editor__count" class:md-editor__count--over=move || { count() > max }>
                    {move || format!("{} / {max}", count())}
                </span>
            </p>
            <p class="field__error" id=error_id.clone() hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
