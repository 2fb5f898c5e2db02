use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// Edge of the saved square, in pixels.
pub const SAVED_EDGE: u32 = 512;
/// Edge of the preview canvas, in pixels (it shrinks with the screen).
const PREVIEW_EDGE: u32 = 320;
/// Largest zoom, in percent of the picture's short side filling the square.
pub const ZOOM_MAX: u32 = 400;

/// Which square of a picture is kept: the zoom (100 % = the short side fills the square) and
/// where the square sits in the room left over, from 0 % (left/top) to 100 % (right/bottom).
/// Whole percentages, so the sliders and the saved crop agree exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crop {
    pub zoom: u32,
    pub x: u32,
    pub y: u32,
}

impl Default for Crop {
    fn default() -> Self {
        Crop { zoom: 100, x: 50, y: 50 }
    }
}

impl Crop {
    /// The square of a `width` × `height` picture this crop keeps: (left, top, side), in the
    /// picture's pixels.
    pub fn source_square(self, width: f64, height: f64) -> (f64, f64, f64) {
        let side = width.min(height) * 100.0 / f64::from(self.zoom.clamp(100, ZOOM_MAX));
        let left = (width - side) * f64::from(self.x.min(100)) / 100.0;
        let top = (height - side) * f64::from(self.y.min(100)) / 100.0;
        (left, top, side)
    }

    /// The crop after the picture was dragged by (`dx`, `dy`) pixels on a square view `view`
    /// pixels wide, starting from this crop: the picture follows the pointer.
    pub fn dragged(self, dx: f64, dy: f64, width: f64, height: f64, view: f64) -> Crop {
        let (_, _, side) = self.source_square(width, height);
        let picture_pixels_per_view_pixel = if view > 0.0 { side / view } else { 0.0 };
        let shift = |percent: u32, delta: f64, room: f64| {
            if room < 1.0 {
                return percent;
            }
            let moved = f64::from(percent) - delta * picture_pixels_per_view_pixel / room * 100.0;
            moved.round().clamp(0.0, 100.0) as u32
        };
        Crop { x: shift(self.x, dx, width - side), y: shift(self.y, dy, height - side), ..self }
    }
}

/// The type the square is saved as: photos stay JPEG, everything else becomes PNG (which keeps
/// transparency).
pub fn saved_type(source_type: &str) -> &'static str {
    if source_type.eq_ignore_ascii_case("image/jpeg") { "image/jpeg" } else { "image/png" }
}

/// Paints the kept square of `picture` onto `canvas`, filling it.
fn paint(canvas: &HtmlCanvasElement, picture: &ImageBitmap, crop: Crop) {
    let Some(context) =
        canvas.get_context("2d").ok().flatten().and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let edge = f64::from(canvas.width());
    let (left, top, side) = crop.source_square(f64::from(picture.width()), f64::from(picture.height()));
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, edge, edge);
    let _ = context.draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        picture, left, top, side, side, 0.0, 0.0, edge, edge,
    );
}

/// The kept square as a `SAVED_EDGE`² picture of type `mime`.
async fn export(picture: &ImageBitmap, crop: Crop, mime: &str) -> Option<Blob> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(SAVED_EDGE);
    canvas.set_height(SAVED_EDGE);
    paint(&canvas, picture, crop);
    let mut started = Ok(());
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        started = canvas.to_blob_with_type_and_encoder_options(done.unchecked_ref(), mime, &JsValue::from_f64(0.9));
    });
    started.ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Crops a picture to a square before it becomes the member's avatar: drag it, or move the
/// zoom and position sliders (which work by keyboard); saves a `SAVED_EDGE`-pixel square.
#[component]
pub fn AvatarCropper(
    /// The decoded picture.
    picture: ImageBitmap,
    /// Type of the picked file; decides the saved type.
    source_type: String,
    /// An upload is under way: saving is disabled.
    #[prop(into)]
    busy: Signal<bool>,
    /// Given the square and its type once exported.
    on_save: Callback<(Blob, &'static str)>,
    /// Asked to drop the picture.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (width, height) = (f64::from(picture.width()), f64::from(picture.height()));
    let picture = StoredValue::new_local(picture);
    let crop = RwSignal::new(Crop::default());
    let canvas = NodeRef::<Canvas>::new();
    let exporting = RwSignal::new(false);
    Effect::new(move |_| {
        let crop = crop.get();
        if let Some(canvas) = canvas.get() {
            picture.with_value(|picture| paint(&canvas, picture, crop));
        }
    });

    // Dragging: where the pointer went down, and the crop then.
    let drag = StoredValue::new(None::<(i32, i32, Crop)>);
    let on_down = move |event: leptos::ev::PointerEvent| {
        if let Some(canvas) = canvas.get_untracked() {
            let _ = canvas.set_pointer_capture(event.pointer_id());
        }
        drag.set_value(Some((event.client_x(), event.client_y(), crop.get_untracked())));
    };
    let on_move = move |event: leptos::ev::PointerEvent| {
        let (Some((x, y, start)), Some(canvas)) = (drag.get_value(), canvas.get_untracked()) else {
            return;
        };
        let (dx, dy) = (f64::from(event.client_x() - x), f64::from(event.client_y() - y));
        crop.set(start.dragged(dx, dy, width, height, f64::from(canvas.client_width())));
    };
    let on_up = move |_: leptos::ev::PointerEvent| drag.set_value(None);

    let slider =
        move |id: &'static str, label: Members, min: u32, max: u32, get: fn(Crop) -> u32, set: fn(&mut Crop, u32)| {
            view! {
                <div class="field cropper__slider">
                    <label class="field__label" for=id>{i18n.t(label)}</label>
                    <input
                        id=id
                        type="range"
                        min=min
                        max=max
                        step="1"
                        prop:value=move || get(crop.get()).to_string()
                        aria-valuetext=move || format!("{} %", get(crop.get()))
                        on:input=move |event| {
                            if let Ok(value) = event_target_value(&event).parse::<u32>() {
                                crop.update(|c| set(c, value.clamp(min, max)));
                            }
                        }
                    />
                </div>
            }
        };

    let save = move |_| {
        exporting.set(true);
        let (crop, mime) = (crop.get_untracked(), saved_type(&source_type));
        leptos::task::spawn_local(async move {
            let picture = picture.get_value();
            let blob = export(&picture, crop, mime).await;
            exporting.set(false);
            if let Some(blob) = blob {
                on_save.run((blob, mime));
            }
        });
    };

    view! {
        <div class="cropper">
            <p class="field__hint" id="cropper-hint">{i18n.t(Members::CropHint)}</p>
            <canvas
                node_ref=canvas
                class="cropper__canvas"
                width=PREVIEW_EDGE
                height=PREVIEW_EDGE
                role="img"
                aria-label=i18n.t(Members::CropPreview)
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            ></canvas>
            <div class="cropper__controls">
                {slider("crop-zoom", Members::Zoom, 100, ZOOM_MAX, |c| c.zoom, |c, v| c.zoom = v)}
                {slider("crop-x", Members::HorizontalPosition, 0, 100, |c| c.x, |c, v| c.x = v)}
                {slider("crop-y", Members::VerticalPosition, 0, 100, |c| c.y, |c, v| c.y = v)}
            </div>
            <div class="form__actions">
                <button type="button" class="button" disabled=move || busy.get() || exporting.get() on:click=save>
                    {i18n.t(Members::SavePicture)}
                </button>
                <button type="button" class="button button--ghost" on:click=move |_| on_cancel.run(())>
                    {i18n.t(Members::Cancel)}
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_square_starts_centred_on_the_short_side() {
        assert_eq!(Crop::default().source_square(800.0, 600.0), (100.0, 0.0, 600.0));
        assert_eq!(Crop::default().source_square(600.0, 800.0), (0.0, 100.0, 600.0));
        assert_eq!(Crop::default().source_square(500.0, 500.0), (0.0, 0.0, 500.0));
    }

    #[test]
    fn zoom_and_position_pick_a_smaller_square() {
        let crop = Crop { zoom: 200, x: 0, y: 100 };
        assert_eq!(crop.source_square(800.0, 600.0), (0.0, 300.0, 300.0));
        let crop = Crop { zoom: 400, x: 100, y: 50 };
        assert_eq!(crop.source_square(800.0, 600.0), (650.0, 225.0, 150.0));
        // Out-of-range values are held to the limits.
        assert_eq!(Crop { zoom: 10, x: 300, y: 50 }.source_square(800.0, 600.0), (200.0, 0.0, 600.0));
    }

    #[test]
    fn the_picture_follows_the_pointer() {
        // 800×600 at 100 %: a 600-pixel square shown 300 pixels wide, 200 pixels of room across.
        let start = Crop::default();
        // Dragging right by 50 view pixels moves the picture right: the square moves left by
        // 100 picture pixels, half the room.
        assert_eq!(start.dragged(50.0, 0.0, 800.0, 600.0, 300.0), Crop { x: 0, ..start });
        assert_eq!(start.dragged(-25.0, 0.0, 800.0, 600.0, 300.0), Crop { x: 75, ..start });
        // No room up and down at 100 %: the vertical position stays.
        assert_eq!(start.dragged(0.0, 80.0, 800.0, 600.0, 300.0), start);
        // Far drags stop at the edges.
        assert_eq!(start.dragged(-1000.0, 0.0, 800.0, 600.0, 300.0), Crop { x: 100, ..start });
        let zoomed = Crop { zoom: 200, x: 50, y: 50 };
        assert_eq!(zoomed.dragged(0.0, 30.0, 800.0, 600.0, 300.0), Crop { y: 40, ..zoomed });
    }

    #[test]
    fn photos_stay_jpeg_and_the_rest_becomes_png() {
        assert_eq!(saved_type("image/jpeg"), "image/jpeg");
        assert_eq!(saved_type("image/png"), "image/png");
        assert_eq!(saved_type("image/webp"), "image/png");
        assert_eq!(saved_type("image/gif"), "image/png");
    }
}
