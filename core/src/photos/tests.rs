//! Camera-like fixtures (GPS, every EXIF orientation, XMP, IPTC, an ICC profile, a comment, an
//! embedded thumbnail; built in `innomed_harness::photos`), then what the sanitised output holds.

use std::io::Cursor;

use exif::{In, Tag};
use image::{ImageFormat, Rgb, RgbImage};
use innomed_harness::photos::{self, jpeg_of, marked_pixels};

use super::*;

const SECRET: &str = "PATIENT-DUPONT-SECRET";

fn camera_jpeg(pixels: &RgbImage, orientation: u16) -> Vec<u8> {
    photos::camera_jpeg(pixels, orientation, SECRET)
}

fn assert_clean(jpeg: &[u8]) {
    photos::assert_clean(jpeg, SECRET);
}

fn is_red(p: &Rgb<u8>) -> bool {
    p[0] > 150 && p[2] < 100
}

#[test]
fn the_fixture_really_carries_the_metadata() {
    let jpeg = camera_jpeg(&marked_pixels(), 6);
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(&jpeg))
        .expect("fixture has EXIF");
    assert!(exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some());
    assert!(String::from_utf8_lossy(&jpeg).contains(SECRET));
}

#[test]
fn every_orientation_is_applied_to_the_pixels_and_no_metadata_survives() {
    // Where the red quarter of the stored pixels ends up once displayed (EXIF 1–8), and the
    // displayed size.
    let expected = [
        (1, "top-left", (64, 32)),
        (2, "top-right", (64, 32)),
        (3, "bottom-right", (64, 32)),
        (4, "bottom-left", (64, 32)),
        (5, "top-left", (32, 64)),
        (6, "top-right", (32, 64)),
        (7, "bottom-right", (32, 64)),
        (8, "bottom-left", (32, 64)),
    ];
    for (orientation, corner, (w, h)) in expected {
        let photo = sanitize(
            &camera_jpeg(&marked_pixels(), orientation),
            &SanitizeOptions::default(),
        )
        .expect("sanitise");
        assert_clean(&photo.image.jpeg);
        assert_clean(&photo.thumbnail.jpeg);
        let out = image::load_from_memory_with_format(&photo.image.jpeg, ImageFormat::Jpeg)
            .expect("output decodes")
            .into_rgb8();
        assert_eq!(
            (out.width(), out.height()),
            (w, h),
            "orientation {orientation}"
        );
        let (x, y) = match corner {
            "top-left" => (w / 8, h / 8),
            "top-right" => (w - w / 8, h / 8),
            "bottom-right" => (w - w / 8, h - h / 8),
            _ => (w / 8, h - h / 8),
        };
        assert!(
            is_red(out.get_pixel(x.min(w - 1), y.min(h - 1))),
            "orientation {orientation}: red not {corner}"
        );
        let red_count = out.pixels().filter(|p| is_red(p)).count();
        assert!(
            red_count < out.pixels().count() / 2,
            "orientation {orientation}"
        );
    }
}

#[test]
fn large_photos_are_downscaled_with_a_thumbnail_and_a_placeholder() {
    let pixels = RgbImage::from_fn(3000, 2000, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let photo = sanitize(&jpeg_of(&pixels), &SanitizeOptions::default()).expect("sanitise");
    assert_eq!((photo.image.width, photo.image.height), (2048, 1365));
    assert_eq!((photo.thumbnail.width, photo.thumbnail.height), (320, 213));
    assert!(!photo.blurhash.is_empty() && photo.blurhash.len() < 64);
    // Small photos keep their size.
    let small =
        sanitize(&jpeg_of(&marked_pixels()), &SanitizeOptions::default()).expect("sanitise");
    assert_eq!((small.image.width, small.image.height), (64, 32));
}

#[test]
fn png_and_webp_are_accepted_and_come_out_as_jpeg() {
    let pixels = marked_pixels();
    for format in [ImageFormat::Png, ImageFormat::WebP] {
        let mut bytes = Cursor::new(Vec::new());
        pixels.write_to(&mut bytes, format).expect("fixture");
        let photo = sanitize(bytes.get_ref(), &SanitizeOptions::default()).expect("sanitise");
        assert_eq!(
            image::guess_format(&photo.image.jpeg).ok(),
            Some(ImageFormat::Jpeg)
        );
    }
}

#[test]
fn bad_inputs_get_their_typed_error() {
    let options = SanitizeOptions::default();
    let jpeg = camera_jpeg(&marked_pixels(), 1);

    assert_eq!(
        sanitize(b"%PDF-1.7 not a photo", &options),
        Err(PhotoError::UnsupportedFormat)
    );
    assert_eq!(sanitize(b"", &options), Err(PhotoError::UnsupportedFormat));
    let mut gif = Cursor::new(Vec::new());
    marked_pixels().write_to(&mut gif, ImageFormat::Bmp).ok();
    assert_eq!(
        sanitize(gif.get_ref(), &options),
        Err(PhotoError::UnsupportedFormat)
    );

    let truncated = &jpeg[..jpeg.len() / 2];
    assert_eq!(sanitize(truncated, &options), Err(PhotoError::Corrupt));
    let mut corrupt = jpeg.clone();
    let body = corrupt.len() - 200;
    corrupt[body..body + 100].fill(0xFF);
    corrupt.truncate(body + 100);
    assert_eq!(sanitize(&corrupt, &options), Err(PhotoError::Corrupt));

    let small_limit = SanitizeOptions {
        max_input_bytes: 1_000,
        ..SanitizeOptions::default()
    };
    assert!(matches!(
        sanitize(&jpeg, &small_limit),
        Err(PhotoError::TooLarge { .. })
    ));
}

/// A 60,000 × 60,000 JPEG header over a few bytes of data: refused on the header, before
/// any pixel buffer is allocated.
#[test]
fn a_decompression_bomb_is_refused_before_decoding() {
    let jpeg = photos::bomb_jpeg(60_000);
    let started = std::time::Instant::now();
    let result = sanitize(&jpeg, &SanitizeOptions::default());
    assert!(
        matches!(result, Err(PhotoError::TooManyPixels { .. })),
        "{result:?}"
    );
    // Not a benchmark: a sanity bound showing no 14-gigabyte decode happened.
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

/// Deterministic noise: pixels that compress badly, so the image data is most of the file.
fn noise(width: u32, height: u32) -> RgbImage {
    let mut state = 0x9E37_79B9_u32;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    RgbImage::from_fn(width, height, |_, _| {
        let [r, g, b, _] = next().to_le_bytes();
        Rgb([r, g, b])
    })
}

fn encoded(pixels: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    pixels.write_to(&mut bytes, format).expect("fixture");
    bytes.into_inner()
}

/// Where a JPEG's entropy-coded data starts: right after its (first) start-of-scan header.
fn scan_data_start(jpeg: &[u8]) -> usize {
    let sos = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xDA])
        .expect("SOS");
    sos + 2 + usize::from(u16::from_be_bytes([jpeg[sos + 2], jpeg[sos + 3]]))
}

#[test]
fn a_jpeg_cut_in_its_scan_data_is_refused() {
    let options = SanitizeOptions::default();
    let jpeg = jpeg_of(&noise(256, 256));
    assert!(sanitize(&jpeg, &options).is_ok(), "the complete JPEG");
    let data = scan_data_start(&jpeg);
    // Early, in the middle, in the last row of blocks (where the decoder's strict mode alone
    // would pad with zero bits), and without its end-of-image marker: a cut there cannot be
    // told from one in the last bits of the scan.
    for cut in [
        data + 100,
        data + (jpeg.len() - data) / 2,
        jpeg.len() - 1_000,
        jpeg.len() - 20,
        jpeg.len() - 2,
    ] {
        // The header is whole: only the pixels are missing.
        assert!(
            received::header(&jpeg[..cut], u64::MAX, u64::MAX).is_ok(),
            "cut at {cut}"
        );
        assert_eq!(
            sanitize(&jpeg[..cut], &options).err(),
            Some(PhotoError::Corrupt),
            "cut at {cut} of {}",
            jpeg.len()
        );
    }
}

/// Some phones append their own data after the end-of-image marker: the image is complete.
#[test]
fn a_jpeg_with_data_after_its_end_is_sanitised() {
    let jpeg = [
        jpeg_of(&noise(256, 256)).as_slice(),
        b"SEFH\x00\x01 trailer \xFF\xD8\xFF\xD9 more",
    ]
    .concat();
    let photo = sanitize(&jpeg, &SanitizeOptions::default()).expect("sanitise");
    assert_eq!((photo.image.width, photo.image.height), (256, 256));
}

#[test]
fn a_jpeg_with_garbage_for_its_scan_data_is_refused() {
    let jpeg = jpeg_of(&noise(256, 256));
    let data = scan_data_start(&jpeg);
    let mut corrupt = jpeg.clone();
    // Everything between the valid header and the end-of-image marker is replaced by noise
    // (no 0xFF byte, so no marker appears in it).
    let garbage = noise(256, 256).into_raw();
    let end = corrupt.len() - 2;
    for (byte, g) in corrupt[data..end].iter_mut().zip(garbage) {
        *byte = g.min(0xFE);
    }
    assert_eq!(&corrupt[end..], [0xFF, 0xD9]);
    assert_eq!(
        sanitize(&corrupt, &SanitizeOptions::default()).err(),
        Some(PhotoError::Corrupt)
    );
}

#[test]
fn a_png_cut_in_its_image_data_is_refused() {
    let png = encoded(&noise(256, 256), ImageFormat::Png);
    let options = SanitizeOptions::default();
    assert!(sanitize(&png, &options).is_ok(), "the complete PNG");
    let idat = png.windows(4).position(|w| w == b"IDAT").expect("IDAT");
    let cut = idat + (png.len() - idat) / 2;
    assert!(received::header(&png[..cut], u64::MAX, u64::MAX).is_ok());
    assert_eq!(
        sanitize(&png[..cut], &options).err(),
        Some(PhotoError::Corrupt)
    );
}

#[test]
fn a_webp_cut_short_is_refused() {
    let webp = encoded(&noise(256, 256), ImageFormat::WebP);
    let options = SanitizeOptions::default();
    assert!(sanitize(&webp, &options).is_ok(), "the complete WebP");
    let cut = webp.len() / 2;
    assert!(received::header(&webp[..cut], u64::MAX, u64::MAX).is_ok());
    assert_eq!(
        sanitize(&webp[..cut], &options).err(),
        Some(PhotoError::Corrupt)
    );
}

/// A one-component (greyscale) JPEG comes out as an RGB JPEG with its greys.
#[test]
fn a_greyscale_jpeg_is_sanitised() {
    let grey =
        image::GrayImage::from_fn(40, 20, |x, _| image::Luma([if x < 20 { 30 } else { 220 }]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
        .encode_image(&grey)
        .expect("fixture");
    let photo = sanitize(&jpeg, &SanitizeOptions::default()).expect("sanitise");
    let out = image::load_from_memory_with_format(&photo.image.jpeg, ImageFormat::Jpeg)
        .expect("output decodes")
        .into_rgb8();
    assert_eq!(out.dimensions(), (40, 20));
    let (dark, light) = (out.get_pixel(5, 10), out.get_pixel(35, 10));
    assert!(dark.0.iter().all(|&c| c.abs_diff(30) < 8), "{dark:?}");
    assert!(light.0.iter().all(|&c| c.abs_diff(220) < 8), "{light:?}");
}
