//! Copying text for the member (a link, an embed snippet).

/// Puts `text` on the clipboard; `false` when the browser refused (no permission, not a secure
/// page), so the caller can say so.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
