use leptos::prelude::*;

/// A checkbox whose label may hold links, with its error under it.
#[component]
pub fn CheckboxField(
    /// Form field name; also the base of the element ids.
    name: &'static str,
    /// Whether it is ticked, two-way bound.
    checked: RwSignal<bool>,
    /// Message shown when the box must be ticked.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The label's content.
    children: Children,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field field--checkbox" class:field--invalid=move || error.with(Option::is_some)>
            <input
                class="field__checkbox"
                type="checkbox"
                id=id.clone()
                name=name
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                bind:checked=checked
            />
            <label class="field__label field__label--inline" for=id.clone()>{children()}</label>
            <p class="field__error" id=format!("{id}-error") hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
