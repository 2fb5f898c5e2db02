//! Uploaded pictures are trusted for nothing: the type comes from the first bytes (never from
//! the name or the declared type), anything that is not a PNG, JPEG, GIF or WebP — an SVG with a
//! script, an HTML page renamed .png — is refused, and what is kept is never the upload itself:
//! the picture is decoded (with limits on its size, so a small file that unpacks to gigabytes
//! stays out), turned upright, and encoded again, without any of its metadata (EXIF: where a
//! photo was taken, the camera, a thumbnail of what it showed before editing). Browsers only ever
//! receive what the server encoded.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// What an accepted image is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Largest width or height kept (a 12-megapixel phone photo, 4032 × 3024, fits). Decoding the
/// largest takes 64 MiB; pictures are decoded one at a time.
pub const MAX_SIDE: u32 = 4096;

/// Why a picture was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not one of the four formats.
    NotAPicture,
    /// The format's start, but not a whole picture that decodes.
    Broken,
    /// Wider or taller than [`MAX_SIDE`].
    TooLarge,
}

/// A picture as the server keeps and serves it.
pub struct Picture {
    pub info: ImageInfo,
    pub bytes: Vec<u8>,
}

/// The type and size a picture's header states (nothing is decoded).
pub fn inspect(bytes: &[u8]) -> Option<ImageInfo> {
    png(bytes).or_else(|| jpeg(bytes)).or_else(|| gif(bytes)).or_else(|| webp(bytes))
}

/// Decodes, checks and encodes a picture again: JPEG stays JPEG (quality 85), every other
/// format becomes PNG (transparency kept; of an animation, the first frame).
pub fn reencode(bytes: &[u8]) -> Result<Picture, Refusal> {
    reencode_within(bytes, None)
}

/// As [`reencode`], made smaller (never larger) to fit a `side` × `side` square when given,
/// keeping its proportions (a community's logo).
pub fn reencode_within(bytes: &[u8], side: Option<u32>) -> Result<Picture, Refusal> {
    let header = inspect(bytes).ok_or(Refusal::NotAPicture)?;
    if header.width > MAX_SIDE || header.height > MAX_SIDE {
        return Err(Refusal::TooLarge);
    }
    let format = match header.content_type {
        "image/png" => ImageFormat::Png,
        "image/jpeg" => ImageFormat::Jpeg,
        "image/gif" => ImageFormat::Gif,
        _ => ImageFormat::WebP,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(u64::from(MAX_SIDE) * u64::from(MAX_SIDE) * 4 + 16 * 1024 * 1024);
    reader.limits(limits);
    let refusal = |error: image::ImageError| match error {
        image::ImageError::Limits(_) => Refusal::TooLarge,
        _ => Refusal::Broken,
    };
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let orientation = decoder.orientation().map_err(refusal)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    if picture.width() == 0 || picture.height() == 0 {
        return Err(Refusal::Broken);
    }
    if let Some(side) = side
        && (picture.width() > side || picture.height() > side)
    {
        picture = picture.resize(side, side, image::imageops::FilterType::Lanczos3);
    }
    let mut out = Cursor::new(Vec::new());
    let content_type = if format == ImageFormat::Jpeg {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
        DynamicImage::ImageRgb8(picture.to_rgb8()).write_with_encoder(encoder).map_err(|_| Refusal::Broken)?;
        "image/jpeg"
    } else {
        picture.write_to(&mut out, ImageFormat::Png).map_err(|_| Refusal::Broken)?;
        "image/png"
    };
    let info = ImageInfo { content_type, width: picture.width(), height: picture.height() };
    Ok(Picture { info, bytes: out.into_inner() })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

fn png(b: &[u8]) -> Option<ImageInfo> {
    (b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR"))
        .then(|| Some(ImageInfo { content_type: "image/png", width: be32(b, 16)?, height: be32(b, 20)? }))?
}

fn gif(b: &[u8]) -> Option<ImageInfo> {
    (b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a"))
        .then(|| Some(ImageInfo { content_type: "image/gif", width: le16(b, 6)?, height: le16(b, 8)? }))?
}

fn webp(b: &[u8]) -> Option<ImageInfo> {
    if !(b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP")) {
        return None;
    }
    let (width, height) = match b.get(12..16)? {
        b"VP8X" => (le24(b, 24)? + 1, le24(b, 27)? + 1),
        b"VP8 " => (le16(b, 26)? & 0x3fff, le16(b, 28)? & 0x3fff),
        b"VP8L" => {
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
        }
        _ => return None,
    };
    Some(ImageInfo { content_type: "image/webp", width, height })
}

/// Walks the JPEG markers to the frame header that carries the size.
fn jpeg(b: &[u8]) -> Option<ImageInfo> {
    if !b.starts_with(&[0xff, 0xd8, 0xff]) {
        return None;
    }
    let mut at = 2;
    while at + 9 < b.len() {
        if b[at] != 0xff {
            return None;
        }
        let marker = b[at + 1];
        if marker == 0xff {
            at += 1;
            continue;
        }
        let length = be16(b, at + 2)? as usize;
        let is_frame = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_frame {
            return Some(ImageInfo { content_type: "image/jpeg", height: be16(b, at + 5)?, width: be16(b, at + 7)? });
        }
        at += 2 + length;
    }
    None
}

/// A horizontal gradient as a PNG (stored, uncompressed deflate: simple and always valid).
pub fn gradient_png(width: u32, height: u32, from: (u8, u8, u8), to: (u8, u8, u8)) -> Vec<u8> {
    let mix = |a: u8, b: u8, x: u32| {
        (i64::from(a) + (i64::from(b) - i64::from(a)) * i64::from(x) / i64::from(width.max(2) - 1)) as u8
    };
    // Every row: filter type 0, then the pixels.
    let row: Vec<u8> = std::iter::once(0)
        .chain((0..width).flat_map(|x| [mix(from.0, to.0, x), mix(from.1, to.1, x), mix(from.2, to.2, x)]))
        .collect();
    let raw = row.repeat(height as usize);
    // zlib stream of stored blocks.
    let mut zlib = vec![0x78, 0x01];
    for (index, block) in raw.chunks(65_535).enumerate() {
        let last = (index + 1) * 65_535 >= raw.len();
        zlib.push(u8::from(last));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in &raw {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = width.to_be_bytes().to_vec();
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    for (kind, data) in [(b"IHDR", header), (b"IDAT", zlib), (b"IEND", Vec::new())] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(&data);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32fast::hash(&chunk).to_be_bytes());
    }
    png
}

#[cfg(test)]
pub mod samples {
    //! Smallest real headers of each format, for tests.

    /// A 3×2 PNG header (enough to be recognised).
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10];
        b.extend_from_slice(b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        b.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 0x08]);
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&[0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_pictures_are_real_pngs() {
        let png = gradient_png(320, 200, (0, 0, 0), (255, 255, 255));
        assert_eq!(inspect(&png), Some(ImageInfo { content_type: "image/png", width: 320, height: 200 }));
    }

    #[test]
    fn pictures_shrink_to_fit_a_square_keeping_proportions() {
        let wide = reencode_within(&gradient_png(800, 400, (0, 0, 0), (255, 255, 255)), Some(256)).unwrap();
        assert_eq!((wide.info.width, wide.info.height), (256, 128));
        let small = reencode_within(&gradient_png(100, 60, (0, 0, 0), (255, 255, 255)), Some(256)).unwrap();
        assert_eq!((small.info.width, small.info.height), (100, 60), "never enlarged");
    }

    #[test]
    fn formats_are_recognised_by_their_bytes() {
        assert_eq!(inspect(&samples::png(3, 2)), Some(ImageInfo { content_type: "image/png", width: 3, height: 2 }));
        assert_eq!(
            inspect(&samples::jpeg(640, 480)),
            Some(ImageInfo { content_type: "image/jpeg", width: 640, height: 480 })
        );
        let gif = b"GIF89a\x0a\x00\x05\x00\x80\x00\x00";
        assert_eq!(inspect(gif), Some(ImageInfo { content_type: "image/gif", width: 10, height: 5 }));
        let mut webp = b"RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00".to_vec();
        webp.extend_from_slice(&[0x3f, 0x01, 0x00, 0xef, 0x00, 0x00]);
        assert_eq!(inspect(&webp), Some(ImageInfo { content_type: "image/webp", width: 320, height: 240 }));
    }

    #[test]
    fn everything_else_is_refused() {
        assert_eq!(inspect(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), None);
        assert_eq!(inspect(b"<!doctype html><script>alert(1)</script>"), None);
        assert_eq!(inspect(b""), None);
        assert_eq!(inspect(b"\x89PNG\r\n\x1a\n"), None, "a truncated header");
        assert_eq!(reencode(b"<svg onload='alert(1)'/>").err(), Some(Refusal::NotAPicture));
    }

    #[test]
    fn only_whole_pictures_of_a_sensible_size_are_kept() {
        assert_eq!(reencode(&samples::png(3, 2)).err(), Some(Refusal::Broken), "a header without pixels");
        assert_eq!(reencode(&samples::png(0, 10)).err(), Some(Refusal::Broken), "no empty images");
        assert_eq!(reencode(&samples::png(12_000, 12_000)).err(), Some(Refusal::TooLarge), "no decompression bombs");
        assert_eq!(reencode(&samples::jpeg(640, 480)).err(), Some(Refusal::Broken));
        let real = gradient_png(30, 20, (0, 0, 0), (255, 255, 255));
        assert_eq!(reencode(&real[..real.len() / 2]).err(), Some(Refusal::Broken), "a cut-off upload");
        let kept = reencode(&real).expect("a real PNG");
        assert_eq!(kept.info, ImageInfo { content_type: "image/png", width: 30, height: 20 });
        assert_eq!(image::load_from_memory(&kept.bytes).expect("decodes").to_rgb8().dimensions(), (30, 20));
    }

    #[test]
    fn metadata_never_survives() {
        // A JPEG carrying an EXIF block with a GPS position: what is kept has no EXIF at all.
        let mut jpeg = Vec::new();
        let photo = image::RgbImage::from_fn(16, 8, |x, _| image::Rgb([x as u8 * 10, 80, 160]));
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg).encode_image(&photo).expect("jpeg");
        // TIFF header, an empty IFD, then the text a GPS block would hold.
        let content = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00GPS 55.75N 37.61E";
        let mut exif = vec![0xff, 0xe1];
        exif.extend_from_slice(&(content.len() as u16 + 2).to_be_bytes());
        exif.extend_from_slice(content);
        jpeg.splice(2..2, exif);
        assert!(jpeg.windows(4).any(|w| w == b"Exif"));
        let kept = reencode(&jpeg).expect("a real JPEG");
        assert_eq!(kept.info.content_type, "image/jpeg");
        assert!(!kept.bytes.windows(4).any(|w| w == b"Exif"), "no EXIF");
        assert!(!kept.bytes.windows(3).any(|w| w == b"GPS"), "no position");
    }
}
