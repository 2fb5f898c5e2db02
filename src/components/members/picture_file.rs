//! Checks on a picked picture before it is sent, and what to say when the server refuses one.

use veche_api::members::IMAGE_MAX_BYTES;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::api::ApiError;
use crate::components::feedback::error_message;
use crate::i18n::I18n;
use crate::i18n::messages::members::Members;

/// The picture types the server keeps as they are.
const KEPT_AS_IS: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/// What is wrong with a picked file of `size` bytes and type `mime`, if anything. A file that is
/// re-encoded in the browser first (`reencoded`, the cropped avatar) may be any picture the
/// browser reads; one sent as it is must be a type the server keeps.
pub fn picture_problem(size: f64, mime: &str, reencoded: bool) -> Option<Members> {
    let mime = mime.trim().to_ascii_lowercase();
    let picture = if reencoded { mime.starts_with("image/") } else { KEPT_AS_IS.contains(&mime.as_str()) };
    if !picture {
        Some(Members::NotAnImage)
    } else if size > IMAGE_MAX_BYTES as f64 {
        Some(Members::FileTooLarge)
    } else {
        None
    }
}

/// The message for a refused upload: the server's 413 and 415 in words, a full gallery, a
/// field message, or the shared text for everything else.
pub fn upload_failure(i18n: I18n, error: &ApiError) -> String {
    match error {
        ApiError::Server { status: 413 } => i18n.t(Members::ServerTooLarge).to_owned(),
        ApiError::Server { status: 415 } => i18n.t(Members::ServerUnsupported).to_owned(),
        ApiError::Conflict { .. } => i18n.t(Members::GalleryFull).to_owned(),
        ApiError::Validation { fields, .. } if !fields.is_empty() => {
            fields.values().cloned().collect::<Vec<_>>().join(" ")
        }
        other => error_message(i18n, other),
    }
}

/// The first file picked in a file input.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// Decodes a picture the browser holds; `None` when it is not one the browser can read.
pub async fn decode_picture(blob: &web_sys::Blob) -> Option<web_sys::ImageBitmap> {
    let promise = web_sys::window()?.create_image_bitmap_with_blob(blob).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_checked_before_sending() {
        assert_eq!(picture_problem(1000.0, "image/png", false), None);
        assert_eq!(picture_problem(1000.0, "IMAGE/JPEG", false), None);
        assert_eq!(picture_problem(1000.0, "application/pdf", false), Some(Members::NotAnImage));
        assert_eq!(picture_problem(1000.0, "", true), Some(Members::NotAnImage));
        // Sent as it is, only the types the server keeps; re-encoded, any picture.
        assert_eq!(picture_problem(1000.0, "image/svg+xml", false), Some(Members::NotAnImage));
        assert_eq!(picture_problem(1000.0, "image/heic", true), None);
        let limit = IMAGE_MAX_BYTES as f64;
        assert_eq!(picture_problem(limit, "image/png", false), None);
        assert_eq!(picture_problem(limit + 1.0, "image/png", false), Some(Members::FileTooLarge));
        assert_eq!(picture_problem(limit + 1.0, "image/png", true), Some(Members::FileTooLarge));
    }
}
