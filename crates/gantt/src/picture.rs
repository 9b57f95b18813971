//! PNG and PDF from the chart's SVG, with the shipped font as the only font:
//! resvg rasterises, krilla writes the PDF (svg2pdf, its predecessor, is no
//! longer maintained). Both read the same usvg tree, so the two pictures
//! agree with each other and with the SVG.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use crate::GanttError;
use crate::font::{BOLD, FAMILY, REGULAR};

/// The largest side of a PNG, in pixels: tiny-skia allocates width × height
/// × 4 bytes at once, and an image beyond this is not one a person opens.
pub const MAX_PNG_SIDE: f64 = 16_000.0;

fn options() -> usvg::Options<'static> {
    let mut db = fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family(FAMILY);
    let mut options = usvg::Options {
        fontdb: Arc::new(db),
        font_family: FAMILY.to_string(),
        ..usvg::Options::default()
    };
    // Names the SVG lists that are not in the database (Verdana, ...) fall
    // back to DejaVu Sans rather than to nothing. usvg asks again for a
    // character until it gets `None`, with the fonts it has tried: each is
    // offered once, so a character no font has (an emoji) ends as a missing
    // glyph instead of an endless loop.
    options.font_resolver.select_fallback =
        Box::new(|_, tried, db| db.faces().map(|f| f.id).find(|id| !tried.contains(id)));
    options
}

fn tree(svg: &str) -> Result<usvg::Tree, GanttError> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| GanttError::Svg(e.to_string()))
}

/// The scale a PNG is drawn at: twice the SVG's size for sharp text, less
/// when that would pass [`MAX_PNG_SIDE`].
pub fn png_scale(width: f64, height: f64) -> f64 {
    (MAX_PNG_SIDE / width.max(height)).min(2.0)
}

/// One PNG of the whole SVG.
pub fn png(svg: &str) -> Result<Vec<u8>, GanttError> {
    let tree = tree(svg)?;
    let size = tree.size();
    let scale = png_scale(f64::from(size.width()), f64::from(size.height())) as f32;
    let side = |v: f32| (v * scale).round().min(MAX_PNG_SIDE as f32) as u32;
    let (w, h) = (side(size.width()), side(size.height()));
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(GanttError::TooLarge {
        width: w,
        height: h,
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| GanttError::Encode(e.to_string()))
}

/// One PDF with a page per SVG (the chart's pages), text kept as text so
/// that it can be searched and copied.
pub fn pdf(pages: &[String], title: &str) -> Result<Vec<u8>, GanttError> {
    use krilla::Document;
    use krilla::geom::Size;
    use krilla::metadata::Metadata;
    use krilla::page::PageSettings;
    use krilla_svg::{SurfaceExt, SvgSettings};

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("retroplan".to_string()),
    );
    for svg in pages {
        let tree = tree(svg)?;
        // One SVG pixel is one PDF point: a 1,400 px chart is a page about
        // 49 cm wide, which viewers fit to the window and printers to paper.
        let size = Size::from_wh(tree.size().width(), tree.size().height())
            .ok_or_else(|| GanttError::Svg("a page of size zero".to_string()))?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or_else(|| GanttError::Encode("krilla could not draw the chart".to_string()))?;
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| GanttError::Encode(format!("{e:?}")))
}
