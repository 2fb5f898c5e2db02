//! Text a member is typing, saved in this browser on every change, so a reload, a crash or a
//! wrong click never loses it. Cleared when the text has been handed to the outbox.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::storage;

fn storage_key(name: &str) -> String {
    format!("veche.draft.{name}")
}

/// A value restored from the draft `name` (or `T::default()`), saved back on every change.
pub fn use_draft<T>(name: &str) -> RwSignal<T>
where
    T: Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static,
{
    use_draft_or(name, T::default())
}

/// A value restored from the draft `name`, else `saved` (what the server has), saved back on
/// every change; no draft is kept while it equals `saved`.
pub fn use_draft_or<T>(name: &str, saved: T) -> RwSignal<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    let key = storage_key(name);
    let draft = RwSignal::new(storage::get_json::<T>(&key).unwrap_or_else(|| saved.clone()));
    Effect::new(move |_| {
        draft.with(|value| {
            if *value == saved {
                storage::remove(&key);
            } else {
                storage::set_json(&key, value);
            }
        })
    });
    draft
}

/// Forgets a draft (its text is safe elsewhere now).
pub fn clear_draft(name: &str) {
    storage::remove(&storage_key(name));
}
