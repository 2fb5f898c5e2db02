use leptos::prelude::*;
use veche_api::member::MemberSummary;
use web_sys::{Blob, ImageBitmap};

use super::picture_file::{decode_picture, picked_file, picture_problem, upload_failure};
use super::{AvatarCropper, FilePicker};
use crate::api::members;
use crate::components::members::Avatar;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// The signed-in member's picture: pick a file, crop it to a square in the browser, save it;
/// or go back to the initials.
#[component]
pub fn AvatarEditor(
    /// The member, with the picture they have now.
    member: MemberSummary,
    /// Told the member's card after the picture changed.
    on_changed: Callback<MemberSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let member = RwSignal::new(member);
    // The picture being cropped and the type of its file.
    let cropping = RwSignal::new_local(None::<(ImageBitmap, String)>);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);

    let changed = move |updated: MemberSummary, message: Members| {
        member.set(updated.clone());
        status.set(Some(i18n.t(message).to_owned()));
        on_changed.run(updated);
    };
    let on_pick = move |event: leptos::ev::Event| {
        status.set(None);
        problem.set(None);
        cropping.set(None);
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = picked_file(&input) else {
            return;
        };
        if let Some(issue) = picture_problem(file.size(), &file.type_(), true) {
            problem.set(Some(i18n.t(issue).to_owned()));
            input.set_value("");
            return;
        }
        leptos::task::spawn_local(async move {
            match decode_picture(&file).await {
                Some(picture) => cropping.set(Some((picture, file.type_()))),
                None => {
                    problem.set(Some(i18n.t(Members::UnreadableImage).to_owned()));
                    input.set_value("");
                }
            }
        });
    };
    let save = Callback::new(move |(square, mime): (Blob, &'static str)| {
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let result = members::upload_avatar(&square, mime).await;
            busy.set(false);
            match result {
                Ok(updated) => {
                    cropping.set(None);
                    changed(updated, Members::PictureSaved);
                }
                Err(error) => problem.set(Some(upload_failure(i18n, &error))),
            }
        });
    });
    let remove = move |_| {
        busy.set(true);
        status.set(None);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let result = members::remove_avatar().await;
            busy.set(false);
            match result {
                Ok(updated) => changed(updated, Members::PictureRemoved),
                Err(error) => problem.set(Some(upload_failure(i18n, &error))),
            }
        });
    };

    view! {
        <section class="profile-editor__section" aria-labelledby="picture-heading">
            <h2 id="picture-heading">{i18n.t(Members::PictureHeading)}</h2>
            <div class="avatar-editor">
                {move || {
                    let m = member.get();
                    view! { <Avatar name=m.display_name handle=m.handle url=m.avatar_url size=128 /> }
                }}
                <div class="avatar-editor__actions">
                    <div class="field">
                        <p class="field__hint" id="avatar-file-hint">{i18n.t(Members::PictureHint)}</p>
                        <FilePicker
                            id="avatar-file"
                            label=i18n.t(Members::ChoosePicture)
                            accept="image/*"
                            described_by="avatar-file-hint"
                            on_change=Callback::new(on_pick)
                        />
                    </div>
                    {move || member.with(|m| m.avatar_url.is_some()).then(|| view! {
                        <button type="button" class="button button--ghost button--small" disabled=move || busy.get() on:click=remove>
                            {i18n.t(Members::RemovePicture)}
                        </button>
                    })}
                </div>
            </div>
            {move || cropping.get().map(|(picture, source_type)| view! {
                <AvatarCropper
                    picture=picture
                    source_type=source_type
                    busy=busy
                    on_save=save
                    on_cancel=Callback::new(move |_| cropping.set(None))
                />
            })}
            <p class="form-status" role="status">{move || status.get()}</p>
            <p class="form-problem" role="alert">{move || problem.get()}</p>
        </section>
    }
}
