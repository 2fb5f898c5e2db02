//! This browser's `localStorage`, failing soft: private modes and full quotas lose the
//! convenience, never the page. Built natively (the state modules' unit tests), it is a map in
//! memory that lives as long as the thread: what a "reload" in a test finds again.

use serde::Serialize;
use serde::de::DeserializeOwned;

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; `false` if the browser refused (quota, privacy mode).
#[cfg(target_arch = "wasm32")]
pub fn set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

#[cfg(target_arch = "wasm32")]
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static MEMORY: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn get(key: &str) -> Option<String> {
    MEMORY.with(|memory| memory.borrow().get(key).cloned())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn set(key: &str, value: &str) -> bool {
    MEMORY.with(|memory| memory.borrow_mut().insert(key.to_owned(), value.to_owned()));
    true
}

#[cfg(not(target_arch = "wasm32"))]
pub fn remove(key: &str) {
    MEMORY.with(|memory| memory.borrow_mut().remove(key));
}

pub fn get_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    get(key).and_then(|text| serde_json::from_str(&text).ok())
}

pub fn set_json<T: Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|text| set(key, &text))
}
