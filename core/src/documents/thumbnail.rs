//! The first page of a cleaned PDF, drawn on the device as the document's thumbnail (a JPEG
//! of at most `edge` pixels on its long side), by hayro: a PDF rasteriser in safe Rust on the
//! CPU. Only files this device has just cleaned are drawn; a page the renderer cannot draw
//! (or a renderer panic) means a document sent without a thumbnail, never a refusal.

use std::sync::Arc;

use hayro::{
    hayro_interpret::InterpreterSettings, hayro_syntax::Pdf, vello_cpu::color::palette::css::WHITE,
    PixmapSettings, RenderCache, RenderSettings,
};
use image::RgbImage;
use tracing::debug;

use crate::photos::EncodedImage;

/// Draws page 1 of `pdf` with its long edge at `edge` pixels, as a JPEG of `quality`.
pub(crate) fn first_page(pdf: &[u8], edge: u32, quality: u8) -> Option<EncodedImage> {
    let data = Arc::new(pdf.to_vec());
    let drawn = std::panic::catch_unwind(move || draw(data, edge));
    match drawn {
        Ok(Some(rgb)) => crate::photos::encode_jpeg(&rgb, quality).ok(),
        Ok(None) => None,
        Err(_) => {
            debug!("the first page could not be drawn: sent without a thumbnail");
            None
        }
    }
}

fn draw(data: Arc<Vec<u8>>, edge: u32) -> Option<RgbImage> {
    let pdf = Pdf::new(data).ok()?;
    let page = pdf.pages().first()?;
    let (width, height) = page.render_dimensions();
    let long = width.max(height);
    if !long.is_finite() || long <= 0.0 {
        return None;
    }
    let scale = edge as f32 / long;
    let pixmap = hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    if w == 0 || h == 0 {
        return None;
    }
    // On a white background every pixel is opaque: premultiplied RGB is plain RGB.
    let rgb = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    RgbImage::from_raw(w, h, rgb)
}
