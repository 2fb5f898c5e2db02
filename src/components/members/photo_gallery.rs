use leptos::html::Dialog;
use leptos::prelude::*;
use veche_api::members::Photo;

use crate::api::client::media_url;
use crate::components::threads::reveal;
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

/// The photo `delta` places from `index`, going round at either end.
pub fn step(index: usize, delta: isize, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    (index as isize + delta).rem_euclid(total as isize) as usize
}

/// What a photo is called: its caption, else its place ("Photo 2 of 5").
fn photo_name(photo: &Photo, index: usize, total: usize, locale: veche_api::Locale) -> String {
    if photo.caption.trim().is_empty() { texts::photo_of(locale, index + 1, total) } else { photo.caption.clone() }
}

fn thumbnail_id(index: usize) -> String {
    format!("photo-thumb-{index}")
}

/// A member's photos as a grid of thumbnails, and a viewer that shows one large with its
/// caption: opened with Enter or a click, Left/Right move, Escape closes and gives the keyboard
/// back to the thumbnail.
#[component]
pub fn PhotoGallery(
    /// The photos, in the owner's order.
    photos: Vec<Photo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let total = photos.len();
    let photos = StoredValue::new(photos);
    let open = RwSignal::new(None::<usize>);
    let dialog = NodeRef::<Dialog>::new();

    let show = move |index: usize| {
        open.set(Some(index));
        if let Some(dialog) = dialog.get_untracked()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        let shown = open.get_untracked();
        open.set(None);
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        if let Some(index) = shown {
            reveal(thumbnail_id(index));
        }
    };
    let go = move |delta: isize| open.update(|o| *o = o.map(|index| step(index, delta, total)));
    let on_key = move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
        "ArrowLeft" => {
            event.prevent_default();
            go(-1);
        }
        "ArrowRight" => {
            event.prevent_default();
            go(1);
        }
        "Escape" => {
            event.prevent_default();
            close();
        }
        _ => {}
    };
    // A click on the dimmed backdrop lands on the dialog itself.
    let on_backdrop = move |event: leptos::ev::MouseEvent| {
        let on_dialog = match (event.target(), dialog.get_untracked()) {
            (Some(target), Some(dialog)) => wasm_bindgen::JsValue::from(target) == wasm_bindgen::JsValue::from(dialog),
            _ => false,
        };
        if on_dialog {
            close();
        }
    };
    let current =
        move || open.get().and_then(|index| photos.with_value(|p| p.get(index).cloned().map(|photo| (index, photo))));

    view! {
        <ul class="photo-grid">
            {photos.get_value().into_iter().enumerate().map(|(index, photo)| {
                let name = photo_name(&photo, index, total, locale);
                view! {
                    <li class="photo-grid__item">
                        <button type="button" class="photo-grid__open" id=thumbnail_id(index) on:click=move |_| show(index)>
                            <img
                                class="photo-grid__image"
                                src=media_url(&photo.url)
                                alt=name
                                width=photo.width
                                height=photo.height
                                loading="lazy"
                                decoding="async"
                            />
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <dialog
            node_ref=dialog
            class="photo-viewer"
            aria-modal="true"
            aria-labelledby="photo-viewer-title"
            aria-describedby="photo-viewer-hint"
            on:keydown=on_key
            on:cancel=move |event: leptos::ev::Event| {
                event.prevent_default();
                close();
            }
            on:click=on_backdrop
        >
            // The dialog has no padding of its own: a click that lands on it is on the backdrop.
            <div class="photo-viewer__inner">
            <div class="photo-viewer__bar">
                <h2 class="photo-viewer__title" id="photo-viewer-title">
                    {move || open.get().map(|index| texts::photo_of(locale, index + 1, total))}
                </h2>
                <button type="button" class="button button--secondary button--small" on:click=move |_| close()>
                    {i18n.t(Members::Close)}
                </button>
            </div>
            {move || current().map(|(index, photo)| view! {
                <figure class="photo-viewer__figure">
                    <img
                        class="photo-viewer__image"
                        src=media_url(&photo.url)
                        alt=photo_name(&photo, index, total, locale)
                        width=photo.width
                        height=photo.height
                    />
                    {(!photo.caption.trim().is_empty()).then(|| view! {
                        <figcaption class="photo-viewer__caption">{photo.caption.clone()}</figcaption>
                    })}
                </figure>
            })}
            {(total > 1).then(|| view! {
                <div class="photo-viewer__nav">
                    <button type="button" class="button button--secondary" on:click=move |_| go(-1)>
                        <span aria-hidden="true">"← "</span>{i18n.t(Members::PreviousPhoto)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| go(1)>
                        {i18n.t(Members::NextPhoto)}<span aria-hidden="true">" →"</span>
                    </button>
                </div>
            })}
            <p class="photo-viewer__hint" id="photo-viewer-hint">{i18n.t(Members::ViewerHint)}</p>
            </div>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn stepping_goes_round() {
        assert_eq!(step(0, 1, 3), 1);
        assert_eq!(step(2, 1, 3), 0);
        assert_eq!(step(0, -1, 3), 2);
        assert_eq!(step(1, -1, 3), 0);
        assert_eq!(step(0, 1, 1), 0);
        assert_eq!(step(0, -1, 0), 0);
    }
}
