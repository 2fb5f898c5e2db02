use leptos::prelude::*;

/// A labelled `<select>` with its error under it.
#[component]
pub fn SelectField(
    /// Visible label.
    label: &'static str,
    /// Field name; also the base of the element ids.
    name: &'static str,
    /// The chosen value, two-way bound.
    value: RwSignal<String>,
    /// (value, text) of each choice.
    choices: Vec<(String, String)>,
    /// Message shown when the choice is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint">{hint}</p> })}
            <select id=id.clone() name=name class="field__select"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=error_id.clone()
                on:change=move |event| value.set(event_target_value(&event))>
                {choices.into_iter().map(|(choice, text)| {
                    let selected = choice.clone();
                    view! { <option value=choice selected=move || value.with(|v| *v == selected)>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field__error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
