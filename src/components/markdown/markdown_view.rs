use leptos::html::Div;
use leptos::prelude::*;

use crate::markdown::{dom::render_into, parse};

/// Member-written markdown, shown safely: parsed into the typed model and built node by node,
/// never through `inner_html`.
#[component]
pub fn Markdown(
    /// The markdown text; the view is rebuilt whenever it changes.
    #[prop(into)]
    source: Signal<String>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let blocks = source.with(|source| parse(source));
        if let Some(element) = container.get() {
            render_into(&element, &blocks);
        }
    });
    view! { <div class="md" node_ref=container></div> }
}
