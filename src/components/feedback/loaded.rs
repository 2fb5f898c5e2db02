use std::sync::Arc;

use leptos::prelude::*;

use super::{ErrorView, Loading};
use crate::api::ApiError;

/// What a page shows for a load that failed, given the failure and a way to load again. The
/// shared `ErrorView` unless the page passes its own (closed groups show their gate).
pub type FailureView = fn(Signal<ApiError>, Callback<()>) -> AnyView;

/// The one way a page shows what it loads: the shared loading line while the first answer is on
/// its way (a reload keeps the old content in place), the shared error view with a retry when it
/// fails, else `children` with the answer (`<Loaded resource=threads let:page>…</Loaded>`).
///
/// Only the small closure that reads `resource` is compiled per use; the `Transition` and the
/// `ErrorBoundary` are compiled once, in `load_view`.
#[component]
pub fn Loaded<T, V, F>(
    /// What the page loads.
    resource: LocalResource<Result<T, ApiError>>,
    /// Shows the loaded value.
    children: F,
    /// Shows a failure instead of the shared error view.
    #[prop(optional)]
    failure: Option<FailureView>,
    /// Shows the first load instead of the shared loading line (a skeleton of what comes).
    #[prop(optional, into)]
    loading: Option<ViewFnOnce>,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let retry = Callback::new(move |_| resource.refetch());
    let content = move || resource.get().map(|result| result.map(|value| children(value).into_any()));
    let loading = loading.unwrap_or_else(|| ViewFnOnce::from(Loading));
    load_view(loading, retry, failure.unwrap_or(error_view), Arc::new(content))
}

/// The one line a list shows when it has nothing in it ("No threads yet.").
#[component]
pub fn EmptyState(
    /// What is not there, in the reader's language.
    text: &'static str,
) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}

type Content = Arc<dyn Fn() -> Option<Result<AnyView, ApiError>> + Send + Sync>;

fn load_view(loading: ViewFnOnce, retry: Callback<()>, failure: FailureView, content: Content) -> AnyView {
    let fallback = move |errors: ArcRwSignal<Errors>| {
        let error = Signal::derive(move || {
            errors
                .get()
                .iter()
                .find_map(|(_, e)| e.downcast_ref::<ApiError>().cloned())
                .unwrap_or(ApiError::InvalidResponse)
        });
        failure(error, retry)
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=fallback>{move || content()}</ErrorBoundary>
        </Transition>
    }
    .into_any()
}

/// The shared error view, with the retry where one can help.
fn error_view(error: Signal<ApiError>, retry: Callback<()>) -> AnyView {
    view! { <ErrorView error=error on_retry=retry /> }.into_any()
}
