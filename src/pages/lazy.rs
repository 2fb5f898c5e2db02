//! Pages that live in their own WebAssembly chunk, fetched on first visit (see
//! `scripts/split_wasm.py`), so the first load carries only the shell and the home page.
//!
//! `lazy_page!` declares the split point; `LazyPage` shows it, with the shared loading state
//! and, if the chunk cannot be fetched (offline on a first visit), the shared error with a retry
//! instead of a dead app. A page comes in one "pack" (its module and the shared chunks it needs);
//! index.html starts fetching the pack of the page being opened before the app starts. The
//! sections' stylesheet comes with the first lazy page (`components::styles`).

use std::future::Future;
use std::pin::Pin;

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::feedback::{ErrorView, Loading};
use crate::components::styles::section_styles;

/// A chunk that could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

/// Declares `$loader`, an async function that fetches chunk `$chunk` (once) and builds `$page`
/// from it, and `$preload`, which only fetches the chunk.
// The attribute stays on one line: rustfmt re-indents it on every run when it is split.
#[macro_export]
macro_rules! lazy_page {
    ($loader:ident, $preload:ident, $page:path) => {
        #[leptos::wasm_split::wasm_split($loader, wasm_split_path = leptos::wasm_split, fallible, preload($preload))]
        fn $loader() -> Result<leptos::prelude::AnyView, $crate::pages::lazy::ChunkError> {
            Ok(leptos::prelude::IntoAny::into_any($page()))
        }
    };
}

/// Shows a page from its chunk.
#[component]
pub fn LazyPage(
    /// Builds the page once its chunk is there (a `lazy_page!` loader).
    load: fn() -> PageFuture,
    /// Shows nothing while loading and nothing if the chunk cannot be fetched: for an extra that
    /// is not worth a message (the members' survey banner).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
    view! {
        <Suspense fallback=move || (!quiet).then(Loading)>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    // The sections' styles load alongside the code (a page never shows unstyled).
                    let styles = send_wrapper::SendWrapper::new(section_styles());
                    let page = send_wrapper::SendWrapper::new(load()).await;
                    let _ = styles.await;
                    match page {
                        Ok(page) => Either::Left(page),
                        Err(ChunkError) => Either::Right((!quiet).then(|| view! { <ErrorView error=ApiError::Network on_retry=retry /> })),
                    }
                })
            }}
        </Suspense>
    }
}
