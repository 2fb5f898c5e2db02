//! Pages that live in their own WebAssembly chunk, fetched on first visit (see
//! `scripts/split_wasm.py`), so the first load carries only the shell and the home page.
//!
//! `lazy_routes!` declares the lazy routes once, as a table: each row's page becomes a split
//! point (`lazy_page!`), the router builds its routes from the table (`LazyRoute`, matched by
//! `RoutePath`), and the rows are also written into the compiled module's `veche_routes` custom
//! section, which the build step reads to know which code each address needs (a page opened
//! from a link gets it in one request, started by index.html before the app runs).
//! `route_code!` adds rows for code that is not a route of its own (the home page's blocks).
//!
//! `LazyPage` shows a page, with the shared loading state and, if its code cannot be fetched
//! (offline on a first visit), the shared error with a retry instead of a dead app. The
//! sections' stylesheet comes with the first lazy page (`components::styles`).

use std::future::Future;
use std::pin::Pin;

use std::borrow::Cow;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch};

use crate::api::ApiError;
use crate::components::feedback::{ErrorView, Loading};
use crate::stylesheets::section_styles;

/// A chunk that could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

/// Declares `$loader`, an async function that fetches the code of `$page` (once) and builds it.
// The attribute stays on one line: rustfmt re-indents it on every run when it is split.
#[macro_export]
macro_rules! lazy_page {
    ($loader:ident, $page:path) => {
        #[leptos::wasm_split::wasm_split($loader, wasm_split_path = leptos::wasm_split, fallible)]
        fn $loader() -> Result<leptos::prelude::AnyView, $crate::pages::lazy::ChunkError> {
            Ok(leptos::prelude::IntoAny::into_any($page()))
        }
    };
}

/// Who may open a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    /// Guests are sent to sign in first.
    SignedIn,
}

/// One row of the route table (`lazy_routes!`).
#[derive(Clone, Copy)]
pub struct LazyRoute {
    /// The address below `/`: static segments, `:param`s, and a last `*rest` for an area that
    /// routes its own addresses.
    pub path: &'static str,
    /// Fetches the page's code and builds it (a `lazy_page!` loader).
    pub load: fn() -> PageFuture,
    pub access: Access,
}

/// Declares the lazy routes, once: `(address, loader, access)` rows, in the order the router
/// tries them (the first that matches wins: `threads/new` before `threads/:id`), each naming a
/// `lazy_page!` loader (several addresses of one area may share one). Defines the table `$name`
/// the router reads, and the same rows in the `veche_routes` section the build step reads
/// (`route_code!`).
#[macro_export]
macro_rules! lazy_routes {
    ($(#[$meta:meta])* $vis:vis const $name:ident = [$(($path:literal, $loader:ident, $access:ident)),* $(,)?];) => {
        $(#[$meta])*
        $vis const $name: &[$crate::pages::lazy::LazyRoute] = &[$($crate::pages::lazy::LazyRoute {
            path: $path,
            load: || Box::pin($loader()),
            access: $crate::pages::lazy::Access::$access,
        }),*];
        $crate::route_code!($($path => $loader),*);
    };
}

/// Writes rows `address loader…` into the compiled module's `veche_routes` custom section (the
/// linker joins the sections of every use): the build step reads them from cargo's module to
/// know which pages' code an address needs, and drops the section from what it ships.
#[macro_export]
macro_rules! route_code {
    ($($path:literal => $($loader:ident)+),* $(,)?) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            const ROWS: &str = concat!($("/", $path, $(" ", stringify!($loader),)+ "\n",)*);
            #[used]
            #[unsafe(link_section = "veche_routes")]
            static ROUTES: [u8; ROWS.len()] = $crate::pages::lazy::bytes_of(ROWS);
        };
    };
}

/// A string's bytes as an array, for `route_code!`'s static.
pub const fn bytes_of<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [0; N];
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < N {
        out[at] = bytes[at];
        at += 1;
    }
    out
}

/// A route table address as the router matches it (`threads/:id`, `kb/*rest`): the same
/// segments `path!` would make, read from the table's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoutePath(pub &'static str);

impl PossibleRouteMatch for RoutePath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let mut params = Vec::new();
        let mut at = 0;
        for segment in self.0.split('/').filter(|s| !s.is_empty()) {
            let rest = &path[at..];
            if let Some(name) = segment.strip_prefix('*') {
                params.push((Cow::Borrowed(name), rest.trim_start_matches('/').to_owned()));
                return Some(PartialPathMatch::new("", params, path));
            }
            let rest = rest.strip_prefix('/')?;
            let end = rest.find('/').unwrap_or(rest.len());
            let value = &rest[..end];
            if value.is_empty() {
                return None;
            }
            match segment.strip_prefix(':') {
                Some(name) => params.push((Cow::Borrowed(name), value.to_owned())),
                None if value == segment => {}
                None => return None,
            }
            at += 1 + end;
        }
        Some(PartialPathMatch::new(&path[at..], params, &path[..at]))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.0.split('/').filter(|s| !s.is_empty()) {
            path.push(if let Some(name) = segment.strip_prefix(':') {
                PathSegment::Param(name.to_owned().into())
            } else if let Some(name) = segment.strip_prefix('*') {
                PathSegment::Splat(name.to_owned().into())
            } else {
                PathSegment::Static(segment.to_owned().into())
            });
        }
    }
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

#[cfg(test)]
mod tests {
    use leptos_router::PossibleRouteMatch;

    use super::RoutePath;

    fn matches(pattern: &'static str, path: &str) -> Option<(String, Vec<(String, String)>)> {
        let found = RoutePath(pattern).test(path)?;
        let rest = found.remaining().to_owned();
        let params = found.params().into_iter().map(|(k, v)| (k.into_owned(), v)).collect();
        Some((rest, params))
    }

    #[test]
    fn static_segments_match_whole_segments_only() {
        assert_eq!(matches("threads", "/threads"), Some((String::new(), vec![])));
        assert_eq!(matches("threads", "/threads/"), Some(("/".into(), vec![])));
        assert_eq!(matches("threads", "/threadsx"), None);
        assert_eq!(matches("threads/new", "/threads/new"), Some((String::new(), vec![])));
        assert_eq!(matches("threads/new", "/threads/7"), None);
        // What is left over is for the router to refuse (a route without children must use it all).
        assert_eq!(matches("threads", "/threads/7"), Some(("/7".into(), vec![])));
    }

    #[test]
    fn params_take_one_segment() {
        assert_eq!(matches("threads/:id", "/threads/7"), Some((String::new(), vec![("id".into(), "7".into())])));
        assert_eq!(matches("threads/:id", "/threads/"), None);
        assert_eq!(
            matches("events/:id/edit", "/events/3/edit"),
            Some((String::new(), vec![("id".into(), "3".into())]))
        );
        assert_eq!(matches("events/:id/edit", "/events/3"), None);
    }

    #[test]
    fn a_rest_takes_what_is_left() {
        assert_eq!(matches("kb/*rest", "/kb"), Some((String::new(), vec![("rest".into(), String::new())])));
        assert_eq!(
            matches("kb/*rest", "/kb/articles/1/edit"),
            Some((String::new(), vec![("rest".into(), "articles/1/edit".into())]))
        );
        assert_eq!(matches("kb/*rest", "/kbx"), None);
    }
}
