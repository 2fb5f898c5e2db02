//! The community itself (name, description, founding date, features, look), loaded on start
//! and again after staff change it.

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

    /// Reads the community again (after staff saved its settings): the header, the title and
    /// the colours follow.
    pub fn reload(&self) {
        self.resource.refetch();
    }
}

pub fn provide_community() -> CommunityState {
    let state = CommunityState { resource: LocalResource::new(api::community::get) };
    provide_context(state);
    // The accent colour is a custom property of the root element, which the stylesheet's
    // `--color-accent` (light scheme) reads, so it changes without a rebuild.
    Effect::new(move |_| {
        let accent = state.get().and_then(|community| community.accent_color);
        apply_accent(accent.as_deref().and_then(veche_api::community::parse_hex_color));
    });
    state
}

pub fn use_community() -> CommunityState {
    expect_context::<CommunityState>()
}

/// The accent's custom properties: the colour, a darker one for hover, a pale one behind text.
pub fn accent_properties(color: (u8, u8, u8)) -> [(&'static str, String); 3] {
    let mix = |toward: u8, share_of_color: u16| {
        let channel =
            |c: u8| ((u16::from(c) * share_of_color + u16::from(toward) * (100 - share_of_color)) / 100) as u8;
        format!("#{:02x}{:02x}{:02x}", channel(color.0), channel(color.1), channel(color.2))
    };
    [
        ("--community-accent", mix(0, 100)),
        ("--community-accent-hover", mix(0, 80)),
        ("--community-accent-soft", mix(255, 14)),
    ]
}

/// Sets (or with `None` removes) the accent's custom properties on `<html>`, through the CSSOM
/// (which the Content-Security-Policy allows, unlike a `style` attribute).
fn apply_accent(color: Option<(u8, u8, u8)>) {
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (property, value) in accent_properties(color.unwrap_or_default()) {
        let _ = match color {
            Some(_) => style.set_property(property, &value),
            None => style.remove_property(property).map(|_| ()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::accent_properties;

    #[test]
    fn the_accent_gets_a_darker_hover_and_a_pale_background() {
        let [accent, hover, soft] = accent_properties((0x0a, 0x5c, 0x8a));
        assert_eq!(accent, ("--community-accent", "#0a5c8a".to_owned()));
        assert_eq!(hover, ("--community-accent-hover", "#08496e".to_owned()));
        assert_eq!(soft, ("--community-accent-soft", "#dce8ee".to_owned()));
    }
}
