//! The company's accent colour (`data-accent`) and a text colour that stays readable on it.

/// A colour given as `#rgb` or `#rrggbb` (the `#` optional), with the text colour to put on it:
/// black on light accents, white on dark ones. `None` for anything else, so no arbitrary CSS
/// reaches a style property.
pub fn accent_colours(given: &str) -> Option<(String, &'static str)> {
    let hex = given.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    let channel = |i: usize| u64::from_str_radix(&full[i..i + 2], 16).unwrap_or(0);
    let (red, green, blue) = (channel(0), channel(2), channel(4));
    // Relative luminance with the sRGB curve taken as a square (integers only: no float maths in
    // the bundle). White and black text give the same contrast at a luminance of about 0.179.
    let luminance = 2126 * red * red + 7152 * green * green + 722 * blue * blue;
    let crossover = 179 * 10 * 255 * 255;
    let text = if luminance > crossover { "#000000" } else { "#ffffff" };
    Some((format!("#{}", full.to_ascii_lowercase()), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_accents_get_black_text_and_dark_ones_white() {
        assert_eq!(accent_colours("#1d4ed8"), Some(("#1d4ed8".into(), "#ffffff")));
        assert_eq!(accent_colours("FFD400"), Some(("#ffd400".into(), "#000000")));
        assert_eq!(accent_colours("#fff"), Some(("#ffffff".into(), "#000000")));
        assert_eq!(accent_colours("#000"), Some(("#000000".into(), "#ffffff")));
        // Mid green: white gives 3.2:1, black 6.6:1.
        assert_eq!(accent_colours("#2ea44f"), Some(("#2ea44f".into(), "#000000")));
    }

    #[test]
    fn anything_but_a_hex_colour_is_refused() {
        for given in ["", "#12", "#12345", "red", "#12345g", "1d4ed8; background: url(x)", "#1234567"] {
            assert_eq!(accent_colours(given), None, "{given}");
        }
    }
}
