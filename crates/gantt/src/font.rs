//! The font shipped inside the binary, and how wide a label is in it.
//!
//! The layout measures titles with the same font that resvg and krilla draw
//! with, so that a title cut with an ellipsis fits its column on every
//! machine. Widths come from the font's horizontal advances (kerning is left
//! out: it moves a label by a fraction of a pixel, and a browser that falls
//! back to another font would not follow it anyway).

use std::sync::OnceLock;

/// DejaVu Sans, subset to Latin (fonts/README.md).
pub static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, same subset.
pub static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The family name the SVG asks for; browsers without it fall back to
/// look-alikes of similar width.
pub const FAMILY: &str = "DejaVu Sans";
pub const FAMILY_LIST: &str = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

/// Advances of the characters the subset covers densely (U+0000..U+0180), in
/// font units per em, computed once: measuring 5,000 titles must not parse
/// the font 5,000 times.
struct Advances {
    latin: Vec<f32>,
    /// For anything else: the advance of `?`-like average glyph.
    fallback: f32,
}

const LATIN_END: u32 = 0x180;

fn advances(bold: bool) -> &'static Advances {
    static REG: OnceLock<Advances> = OnceLock::new();
    static BLD: OnceLock<Advances> = OnceLock::new();
    let (cell, data) = if bold { (&BLD, BOLD) } else { (&REG, REGULAR) };
    cell.get_or_init(|| {
        // The font is ours and checked by the tests; a failure here would be
        // a broken build, which the fallback width still survives.
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            return Advances {
                latin: vec![0.6; LATIN_END as usize],
                fallback: 0.6,
            };
        };
        let em = f32::from(face.units_per_em());
        let of = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / em)
        };
        let fallback = of('n').unwrap_or(0.6);
        let latin = (0..LATIN_END)
            .map(|u| char::from_u32(u).and_then(of).unwrap_or(fallback))
            .collect();
        Advances { latin, fallback }
    })
}

/// The width of `text` at `size` pixels.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let table = advances(bold);
    let ems: f32 = text
        .chars()
        .map(|c| {
            let u = c as u32;
            if u < LATIN_END {
                table.latin[u as usize]
            } else {
                table.fallback
            }
        })
        .sum();
    f64::from(ems) * size
}

/// `text` cut to fit `width` pixels at `size`, with an ellipsis when cut.
pub fn fit(text: &str, size: f64, bold: bool, width: f64) -> String {
    if text_width(text, size, bold) <= width {
        return text.to_string();
    }
    let ellipsis = text_width("…", size, bold);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size, bold);
        if used + w + ellipsis > width {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_fonts_parse_and_carry_french_letters() {
        for data in [REGULAR, BOLD] {
            let face = ttf_parser::Face::parse(data, 0).expect("font parses");
            for c in "éèêàçôûœŒ€É«»’…◆✓".chars() {
                assert!(face.glyph_index(c).is_some(), "missing glyph {c}");
            }
        }
    }

    #[test]
    fn widths_grow_with_text_and_size_and_bold() {
        let a = text_width("Brief", 10.0, false);
        assert!(a > 0.0);
        assert!(text_width("Brief client", 10.0, false) > a);
        assert!((text_width("Brief", 20.0, false) - 2.0 * a).abs() < 1e-9);
        assert!(text_width("Brief", 10.0, true) > a);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("Brief", 10.0, false, 500.0), "Brief");
        let cut = fit("Créer les visuels de la campagne", 10.0, false, 60.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 10.0, false) <= 60.0);
        assert!(cut.len() < "Créer les visuels de la campagne".len());
    }
}
