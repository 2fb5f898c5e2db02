//! The community itself (name, description, founding date, features), loaded once on start.

use leptos::prelude::*;
use veche_api::community::Community;

use crate::api::{self, ApiResult};

#[derive(Clone, Copy)]
pub struct CommunityState {
    pub resource: LocalResource<ApiResult<Community>>,
}

impl CommunityState {
    /// The community once loaded (tracked).
    pub fn get(&self) -> Option<Community> {
        self.resource.get().and_then(Result::ok)
    }
}

pub fn provide_community() -> CommunityState {
    let state = CommunityState { resource: LocalResource::new(api::community::get) };
    provide_context(state);
    state
}

pub fn use_community() -> CommunityState {
    expect_context::<CommunityState>()
}
