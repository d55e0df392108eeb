//! Sanitising a clinical photo before it leaves the device.
//!
//! The only way out is a fresh encode of the pixels: decode (JPEG, PNG or WebP), turn the
//! pixels as the EXIF orientation says, downscale, encode a new baseline JPEG. Nothing of the
//! original file is copied, so no EXIF (GPS, maker notes, embedded thumbnail), XMP, IPTC,
//! comment or ICC profile can survive. Limits are checked on the header, before any pixel is
//! decoded.
//!
//! A photo is decoded completely or refused: a file whose image data is truncated or corrupt is
//! [`PhotoError::Corrupt`], never sent with filler pixels where its data is missing. PNG and
//! WebP decoders report a short or damaged stream as an error. JPEG is decoded with zune-jpeg
//! in its strict mode, because `image` runs it in a lenient mode that paints grey what a
//! truncated or corrupt scan lacks and reports success; and its image data must end on the
//! end-of-image marker.

use std::io::Cursor;

use super::PhotoError;
use fast_image_resize::{
    images::Image as ResizeImage, PixelType, ResizeAlg, ResizeOptions, Resizer,
};
use image::{
    codecs::jpeg::JpegEncoder, metadata::Orientation, DynamicImage, ImageDecoder, ImageFormat,
    ImageReader, Limits, RgbImage,
};
use zune_jpeg::{
    zune_core::{colorspace::ColorSpace, options::DecoderOptions},
    JpegDecoder,
};

/// Limits and output sizes; the defaults suit a phone camera and a specialist's screen.
#[derive(Clone, Debug)]
pub struct SanitizeOptions {
    /// Larger inputs are refused unread (default 30 MB).
    pub max_input_bytes: u64,
    /// Decompression-bomb guard on width × height, checked on the header (default 100 MP).
    pub max_pixels: u64,
    /// The long edge of the sent image (default 2048 px); smaller images keep their size.
    pub long_edge: u32,
    /// The long edge of the thumbnail (default 320 px).
    pub thumbnail_edge: u32,
    /// JPEG quality of the image (default 85) and of the thumbnail (75).
    pub quality: u8,
    pub thumbnail_quality: u8,
}

impl Default for SanitizeOptions {
    fn default() -> Self {
        Self {
            max_input_bytes: 30 * 1024 * 1024,
            max_pixels: 100_000_000,
            long_edge: 2048,
            thumbnail_edge: 320,
            quality: 85,
            thumbnail_quality: 75,
        }
    }
}

/// A JPEG made only from pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodedImage {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// What is sent: the image, its thumbnail, and a blurhash for the placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SanitizedPhoto {
    pub image: EncodedImage,
    pub thumbnail: EncodedImage,
    pub blurhash: String,
}

/// Sanitises `bytes` (JPEG, PNG or WebP) as described in the module documentation.
pub fn sanitize(bytes: &[u8], options: &SanitizeOptions) -> Result<SanitizedPhoto, PhotoError> {
    // The header alone first: a decompression bomb is refused before any pixel buffer exists.
    let (format, width, height) =
        super::received::header(bytes, options.max_input_bytes, options.max_pixels)?;
    let (mut pixels, orientation) = match format {
        ImageFormat::Jpeg => decode_jpeg(bytes, width, height)?,
        _ => decode(bytes, format, options, width, height)?,
    };
    pixels.apply_orientation(orientation);
    // Alpha (PNG, WebP) is dropped: clinical photos are opaque, JPEG has no alpha.
    let rgb = pixels.into_rgb8();

    let image = fit(rgb, options.long_edge)?;
    let thumbnail = fit(image.clone(), options.thumbnail_edge)?;
    let blurhash = placeholder(&thumbnail);
    Ok(SanitizedPhoto {
        image: encode(&image, options.quality)?,
        thumbnail: encode(&thumbnail, options.thumbnail_quality)?,
        blurhash,
    })
}

/// PNG and WebP through `image`, within the allocation limit; their decoders fail on a
/// truncated or corrupt stream.
fn decode(
    bytes: &[u8],
    format: ImageFormat,
    options: &SanitizeOptions,
    width: u32,
    height: u32,
) -> Result<(DynamicImage, Orientation), PhotoError> {
    let refusal = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels {
            width,
            height,
            limit: options.max_pixels,
        },
        _ => PhotoError::Corrupt,
    };
    let mut decoder = reader(bytes, format, options)
        .into_decoder()
        .map_err(refusal)?;
    let orientation = decoder.orientation().map_err(|_| PhotoError::Corrupt)?;
    let pixels = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    Ok((pixels, orientation))
}

/// JPEG through zune-jpeg in strict mode: a scan that ends early, a Huffman code that does not
/// exist, a marker where data should be are errors rather than grey rows. The decoder may not
/// go past the `width` × `height` already checked on the header, and writes RGB (greyscale,
/// CMYK and YCCK converted), so its output buffer is 3 bytes per checked pixel.
fn decode_jpeg(
    bytes: &[u8],
    width: u32,
    height: u32,
) -> Result<(DynamicImage, Orientation), PhotoError> {
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(width as usize)
        .set_max_height(height as usize)
        .jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut input = Cursor::new(bytes);
    let mut decoder = JpegDecoder::new_with_options(&mut input, options);
    decoder.decode_headers().map_err(|_| PhotoError::Corrupt)?;
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_chunk(exif))
        .unwrap_or(Orientation::NoTransforms);
    let rgb = decoder.decode().map_err(|_| PhotoError::Corrupt)?;
    // Strict mode checks for missing data between rows of blocks only: a file cut inside the
    // last row is decoded with zero bits for what is missing. A complete scan ends on the
    // end-of-image marker, where the decoder stops reading (data after it, such as a phone
    // maker's trailer, is not read); a cut one does not.
    let ended_on_eoi = usize::try_from(input.position())
        .ok()
        .and_then(|end| bytes.get(..end))
        .is_some_and(|read| read.ends_with(&[0xFF, 0xD9]));
    if !ended_on_eoi {
        return Err(PhotoError::Corrupt);
    }
    let pixels = RgbImage::from_raw(width, height, rgb).ok_or(PhotoError::Corrupt)?;
    Ok((DynamicImage::ImageRgb8(pixels), orientation))
}

fn reader<'a>(
    bytes: &'a [u8],
    format: ImageFormat,
    options: &SanitizeOptions,
) -> ImageReader<Cursor<&'a [u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    // RGBA at 8 bits per channel, plus the decoders' working memory.
    limits.max_alloc = Some(
        options
            .max_pixels
            .saturating_mul(4)
            .saturating_add(64 << 20),
    );
    reader.limits(limits);
    reader
}

/// Downscales so the long edge is at most `long_edge` (Lanczos3, SIMD, all cores).
fn fit(rgb: RgbImage, long_edge: u32) -> Result<RgbImage, PhotoError> {
    let (w, h) = rgb.dimensions();
    let long = w.max(h);
    if long <= long_edge {
        return Ok(rgb);
    }
    let scale = f64::from(long_edge) / f64::from(long);
    let (nw, nh) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    let src = ResizeImage::from_vec_u8(w, h, rgb.into_raw(), PixelType::U8x3)
        .map_err(|_| PhotoError::Corrupt)?;
    let mut dst = ResizeImage::new(nw, nh, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(
        fast_image_resize::FilterType::Lanczos3,
    ));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|_| PhotoError::Corrupt)?;
    RgbImage::from_raw(nw, nh, dst.into_vec()).ok_or(PhotoError::Corrupt)
}

/// A fresh baseline JPEG of these pixels (photos, and documents' first-page thumbnails).
pub(crate) fn encode(rgb: &RgbImage, quality: u8) -> Result<EncodedImage, PhotoError> {
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, quality)
        .encode_image(rgb)
        .map_err(|_| PhotoError::Corrupt)?;
    Ok(EncodedImage {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// A 4×3-component blurhash of the thumbnail: a few dozen characters the app can draw before
/// the thumbnail is downloaded and decrypted.
fn placeholder(thumbnail: &RgbImage) -> String {
    let rgba = DynamicImage::ImageRgb8(thumbnail.clone()).into_rgba8();
    blurhash::encode(4, 3, rgba.width(), rgba.height(), rgba.as_raw()).unwrap_or_default()
}
