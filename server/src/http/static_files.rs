//! The built app: files from Trunk's `dist/`, `index.html` for every other path (the app's
//! router takes over), and a Content-Security-Policy that allows exactly what the app runs.

use std::path::{Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use crate::tokens;

pub struct AppShell {
    pub dir: PathBuf,
    /// `index.html` as built, if the app has been built.
    pub index_html: Option<String>,
    /// CSP for the app's pages: Trunk's one inline start-up script is allowed by its hash.
    pub csp: String,
}

impl AppShell {
    pub fn load(dir: &Path) -> Self {
        let index_html = std::fs::read_to_string(dir.join("index.html")).ok();
        if index_html.is_none() {
            tracing::warn!(dir = %dir.display(), "no built app found; serving the API only");
        }
        let script_hashes: Vec<String> = index_html
            .as_deref()
            .map(inline_scripts)
            .unwrap_or_default()
            .into_iter()
            .map(|script| format!("'sha256-{}'", tokens::sha256_base64(script.as_bytes())))
            .collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
             img-src 'self' https: data: blob:; font-src 'self'; connect-src 'self'; \
             frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; \
             object-src 'none'",
            script_hashes.join(" ")
        );
        AppShell { dir: dir.to_path_buf(), index_html, csp }
    }
}

/// The contents of every `<script>` without a `src`, as the browser hashes them.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

/// Every path that is not a file: the app's `index.html`, so links into the app work.
pub async fn index(State(state): State<AppState>) -> Response {
    match &state.shell.index_html {
        Some(html) => Html(html.clone()).into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            Html("<!doctype html><title>Veche</title><p>The app is not built yet: run <code>make run</code>.</p>"),
        )
            .into_response(),
    }
}

/// Caching and security headers for the app's files.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if path.starts_with("/api/") {
        return response;
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    let cache = if is_html {
        "no-cache"
    } else if has_content_hash(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // A page that brings its own policy (the survey frame, framed by other sites) keeps it.
    if is_html
        && !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(csp) = HeaderValue::from_str(&state.shell.csp)
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

/// Built files are named `name-<hex hash>.ext` (the module `name-<hash>_bg.wasm`).
fn has_content_hash(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import init from '/x.js';
init();</script></head><body><script>one()</script></body>"#;
        assert_eq!(inline_scripts(html), vec!["import init from '/x.js';\ninit();", "one()"]);
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(has_content_hash("/veche-9f86d081884c7d65_bg.wasm"));
        assert!(has_content_hash("/veche-9f86d081884c7d65.js"));
        assert!(!has_content_hash("/favicon.svg"));
    }
}
