use leptos::either::Either;
use leptos::prelude::*;

/// A labelled text input (or, given `rows`, a plain-text area) with an optional hint and its
/// error shown right under it.
#[component]
pub fn TextField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Form field name; also the base of the element ids.
    name: &'static str,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// Message shown under the field when its content is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `type` of the input (`text` by default).
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// `autocomplete` token, so browsers and password managers fill the right thing.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Marks the field as required for assistive technology.
    #[prop(optional)]
    required: bool,
    /// Longest accepted input, in characters.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// Visible lines: a text area of plain text (no formatting) instead of one line.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = described_by(&id, hint.is_some(), error);
    let invalid = move || if error.with(Option::is_some) { "true" } else { "false" };
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {match rows {
                None => Either::Left(view! {
                    <input
                        class="field__input"
                        id=id.clone()
                        name=name
                        type=input_type.unwrap_or("text")
                        autocomplete=autocomplete
                        required=required
                        maxlength=maxlength
                        aria-invalid=invalid
                        aria-describedby=described_by
                        bind:value=value
                    />
                }),
                Some(rows) => Either::Right(view! {
                    <textarea
                        class="field__input field__textarea"
                        id=id.clone()
                        name=name
                        rows=rows
                        required=required
                        maxlength=maxlength
                        aria-invalid=invalid
                        aria-describedby=described_by
                        bind:value=value
                    ></textarea>
                }),
            }}
            <p class="field__error" id=error_id.clone() hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// The `aria-describedby` of field `id`: its hint (when it has one) and its error (while shown).
fn described_by(id: &str, has_hint: bool, error: Signal<Option<String>>) -> impl Fn() -> Option<String> + use<> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
