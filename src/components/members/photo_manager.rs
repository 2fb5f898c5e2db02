use leptos::html::Input;
use leptos::prelude::*;
use veche_api::members::{PHOTO_CAPTION_MAX, PHOTOS_MAX, Photo, PhotoUpdate};

use super::FilePicker;
use super::picture_file::{picked_file, picture_problem, upload_failure};
use crate::api::client::media_url;
use crate::api::members;
use crate::components::feedback::EmptyState;
use crate::components::threads::reveal;
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

/// `ids` with the one at `index` moved `delta` places, or `None` when it cannot move that way.
pub fn moved<T: Clone>(items: &[T], index: usize, delta: isize) -> Option<Vec<T>> {
    let target = index.checked_add_signed(delta).filter(|t| *t < items.len())?;
    if index >= items.len() {
        return None;
    }
    let mut reordered = items.to_vec();
    let item = reordered.remove(index);
    reordered.insert(target, item);
    Some(reordered)
}

/// One's own gallery: upload (with a caption), change captions, delete, and put in order with
/// "move up/down" buttons that keep the keyboard on the moved photo.
#[component]
pub fn PhotoManager(
    /// The gallery as saved.
    photos: Vec<Photo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let photos = RwSignal::new(photos);
    let status = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let file_input = NodeRef::<Input>::new();
    let new_caption = RwSignal::new(String::new());
    let picked_name = RwSignal::new(None::<String>);

    let say = move |message: Members| {
        problem.set(None);
        status.set(Some(i18n.t(message).to_owned()));
    };
    let fail = move |message: String| {
        status.set(None);
        problem.set(Some(message));
    };

    let upload = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = picked_file(&input) else {
            fail(i18n.t(Members::ChooseFileFirst).to_owned());
            return;
        };
        if let Some(issue) = picture_problem(file.size(), &file.type_(), false) {
            fail(i18n.t(issue).to_owned());
            return;
        }
        busy.set(true);
        status.set(Some(i18n.t(Members::Uploading).to_owned()));
        problem.set(None);
        let caption = new_caption.get_untracked();
        leptos::task::spawn_local(async move {
            let result = members::upload_photo(&file, &file.type_(), &caption).await;
            busy.set(false);
            match result {
                Ok(photo) => {
                    photos.update(|p| p.push(photo));
                    new_caption.set(String::new());
                    input.set_value("");
                    picked_name.set(None);
                    say(Members::PhotoAdded);
                }
                Err(error) => fail(upload_failure(i18n, &error)),
            }
        });
    };

    let reorder = move |id: String, delta: isize| {
        let before = photos.get_untracked();
        let Some(index) = before.iter().position(|p| p.id == id) else {
            return;
        };
        let Some(after) = moved(&before, index, delta) else {
            return;
        };
        let ids = after.iter().map(|p| p.id.clone()).collect();
        photos.set(after);
        // The row moved in the page; the keyboard stays on its button (or the other one, at an end).
        let at = index.saturating_add_signed(delta);
        let direction = if delta < 0 {
            if at == 0 { "down" } else { "up" }
        } else if at + 1 == before.len() {
            "up"
        } else {
            "down"
        };
        reveal(format!("photo-{id}-{direction}"));
        leptos::task::spawn_local(async move {
            match members::reorder_photos(ids).await {
                Ok(saved) => {
                    photos.set(saved);
                    say(Members::OrderSaved);
                }
                Err(error) => {
                    photos.set(before);
                    fail(upload_failure(i18n, &error));
                }
            }
        });
    };

    view! {
        <section class="profile-editor__section" aria-labelledby="gallery-heading">
            <h2 id="gallery-heading" tabindex="-1">{i18n.t(Members::PhotosHeading)}</h2>
            <p class="field__hint">{i18n.t(Members::PhotosHint)}</p>
            <form class="photo-upload" on:submit=upload novalidate>
                <div class="field">
                    <FilePicker
                        id="photo-file"
                        label=i18n.t(Members::PhotoFile)
                        accept="image/png,image/jpeg,image/gif,image/webp"
                        node_ref=file_input
                        picked=picked_name
                    />
                </div>
                <div class="field">
                    <label class="field__label" for="photo-caption">{i18n.t(Members::CaptionLabel)}</label>
                    <input id="photo-caption" class="field__input" type="text" maxlength=PHOTO_CAPTION_MAX bind:value=new_caption />
                </div>
                <button type="submit" class="button button--secondary" disabled=move || busy.get() || photos.with(|p| p.len() >= PHOTOS_MAX)>
                    {i18n.t(Members::UploadPhoto)}
                </button>
            </form>
            <p class="form-status" role="status">{move || status.get()}</p>
            <p class="form-problem" role="alert">{move || problem.get()}</p>
            {move || photos.with(Vec::is_empty).then(|| view! { <EmptyState text=i18n.t(Members::NoPhotos) /> })}
            <ol class="photo-manager">
                <For each=move || photos.get() key=|photo| photo.id.clone() let:photo>
                    {
                        let id = photo.id.clone();
                        let position = {
                            let id = id.clone();
                            Memo::new(move |_| photos.with(|p| p.iter().position(|other| other.id == id)).unwrap_or(0))
                        };
                        let total = move || photos.with(Vec::len);
                        let name = move || texts::photo_of(locale, position.get() + 1, total());
                        let caption = RwSignal::new(photo.caption.clone());
                        let save_caption = {
                            let id = id.clone();
                            move |event: leptos::ev::SubmitEvent| {
                                event.prevent_default();
                                let (id, update) = (id.clone(), PhotoUpdate { caption: Some(caption.get_untracked().trim().to_owned()) });
                                leptos::task::spawn_local(async move {
                                    match members::update_photo(&id, &update).await {
                                        Ok(saved) => {
                                            caption.set(saved.caption.clone());
                                            photos.update(|p| if let Some(slot) = p.iter_mut().find(|x| x.id == saved.id) { *slot = saved });
                                            say(Members::CaptionSaved);
                                        }
                                        Err(error) => fail(upload_failure(i18n, &error)),
                                    }
                                });
                            }
                        };
                        let delete = {
                            let id = id.clone();
                            move |_| {
                                if !window().confirm_with_message(i18n.t(Members::ConfirmDeletePhoto)).unwrap_or(false) {
                                    return;
                                }
                                let id = id.clone();
                                leptos::task::spawn_local(async move {
                                    match members::delete_photo(&id).await {
                                        Ok(()) => {
                                            photos.update(|p| p.retain(|x| x.id != id));
                                            say(Members::PhotoDeleted);
                                            reveal("gallery-heading".to_owned());
                                        }
                                        Err(error) => fail(upload_failure(i18n, &error)),
                                    }
                                });
                            }
                        };
                        let move_by = {
                            let id = id.clone();
                            move |delta: isize| {
                                let id = id.clone();
                                move |_| reorder(id.clone(), delta)
                            }
                        };
                        view! {
                            <li class="photo-manager__item">
                                <img class="photo-manager__thumb" src=media_url(&photo.url) alt="" width="96" height="96" loading="lazy" />
                                <form class="photo-manager__caption" on:submit=save_caption>
                                    <label class="field__label" for=format!("photo-{id}-caption")>
                                        {i18n.t(Members::CaptionLabel)}
                                        <span class="visually-hidden">" — "{name}</span>
                                    </label>
                                    <input id=format!("photo-{id}-caption") class="field__input" type="text" maxlength=PHOTO_CAPTION_MAX bind:value=caption />
                                    <button type="submit" class="button button--secondary button--small">
                                        {i18n.t(Members::SaveCaption)}<span class="visually-hidden">" — "{name}</span>
                                    </button>
                                </form>
                                <div class="photo-manager__tools">
                                    <button type="button" class="button button--ghost button--small" id=format!("photo-{id}-up")
                                        on:click=move_by(-1) disabled=move || position.get() == 0>
                                        <span aria-hidden="true">"↑ "</span>{i18n.t(Members::MoveUp)}<span class="visually-hidden">" — "{name}</span>
                                    </button>
                                    <button type="button" class="button button--ghost button--small" id=format!("photo-{id}-down")
                                        on:click=move_by(1) disabled=move || { position.get() + 1 >= total() }>
                                        <span aria-hidden="true">"↓ "</span>{i18n.t(Members::MoveDown)}<span class="visually-hidden">" — "{name}</span>
                                    </button>
                                    <button type="button" class="button button--ghost button--small" on:click=delete>
                                        {i18n.t(Members::DeletePhoto)}<span class="visually-hidden">" — "{name}</span>
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn photos_move_one_place_within_the_list() {
        let ids = ["a", "b", "c"];
        assert_eq!(moved(&ids, 1, -1), Some(vec!["b", "a", "c"]));
        assert_eq!(moved(&ids, 1, 1), Some(vec!["a", "c", "b"]));
        assert_eq!(moved(&ids, 0, -1), None);
        assert_eq!(moved(&ids, 2, 1), None);
        assert_eq!(moved(&ids, 5, -1), None);
    }
}
