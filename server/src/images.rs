//! Uploaded pictures are trusted for nothing: the type comes from the first bytes (never from
//! the name or the declared type), the size is read from the header, and anything that is not
//! a PNG, JPEG, GIF or WebP — an SVG with a script, an HTML page renamed .png — is refused.

/// What an accepted image is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Largest width or height accepted (a decompression bomb stays out).
pub const MAX_DIMENSION: u32 = 12_000;

pub fn inspect(bytes: &[u8]) -> Option<ImageInfo> {
    let info = png(bytes).or_else(|| jpeg(bytes)).or_else(|| gif(bytes)).or_else(|| webp(bytes))?;
    let plausible = (1..=MAX_DIMENSION).contains(&info.width) && (1..=MAX_DIMENSION).contains(&info.height);
    plausible.then_some(info)
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
        assert_eq!(inspect(&samples::png(0, 10)), None, "no empty images");
        assert_eq!(inspect(&samples::png(50_000, 50_000)), None, "no decompression bombs");
    }
}
