//! This browser's `localStorage`, failing soft: private modes and full quotas lose the
//! convenience, never the page.

use serde::Serialize;
use serde::de::DeserializeOwned;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; `false` if the browser refused (quota, privacy mode).
pub fn set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn get_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    get(key).and_then(|text| serde_json::from_str(&text).ok())
}

pub fn set_json<T: Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|text| set(key, &text))
}
