//! Fixtures built here: JPEGs carrying GPS, every EXIF orientation, XMP, IPTC, an ICC profile,
//! a comment and an embedded thumbnail; then what the sanitised output still holds.

use std::io::Cursor;

use exif::{experimental::Writer, Field, In, Rational, Tag, Value};
use image::{codecs::jpeg::JpegEncoder, ImageFormat, Rgb, RgbImage};

use super::*;

const SECRET: &str = "PATIENT-DUPONT-SECRET";

/// 64×32: a red block in the top-left quarter, blue elsewhere.
fn marked_pixels() -> RgbImage {
    RgbImage::from_fn(64, 32, |x, y| {
        if x < 32 && y < 16 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    })
}

fn jpeg_of(pixels: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(pixels)
        .expect("encode fixture");
    out
}

/// EXIF with an orientation, GPS, a description, a maker note and an embedded thumbnail.
fn exif_block(orientation: u16, thumbnail: &[u8]) -> Vec<u8> {
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![orientation]),
        },
        Field {
            tag: Tag::ImageDescription,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![SECRET.as_bytes().to_vec()]),
        },
        Field {
            tag: Tag::MakerNote,
            ifd_num: In::PRIMARY,
            value: Value::Undefined(SECRET.as_bytes().to_vec(), 0),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational::from((48, 1)),
                Rational::from((51, 1)),
                Rational::from((2436, 100)),
            ]),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    writer.set_jpeg(thumbnail, In::THUMBNAIL);
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).expect("exif fixture");
    [b"Exif\0\0".as_slice(), &tiff.into_inner()].concat()
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(payload.len() + 2).expect("segment size");
    [&[0xFF, marker][..], &len.to_be_bytes(), payload].concat()
}

/// A camera-like JPEG: every kind of metadata inserted right after SOI.
fn camera_jpeg(pixels: &RgbImage, orientation: u16) -> Vec<u8> {
    let jpeg = jpeg_of(pixels);
    let thumbnail = jpeg_of(&RgbImage::from_pixel(8, 8, Rgb([1, 2, 3])));
    let xmp = format!(
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:description>{SECRET}</dc:description></x:xmpmeta>"
    );
    let caption = SECRET.as_bytes();
    let iptc_record = [
        &[0x1C, 0x02, 0x78][..],
        &(caption.len() as u16).to_be_bytes(),
        caption,
    ]
    .concat();
    let iptc = [
        b"Photoshop 3.0\0".as_slice(),
        b"8BIM",
        &[0x04, 0x04, 0x00, 0x00],
        &(iptc_record.len() as u32).to_be_bytes(),
        &iptc_record,
    ]
    .concat();
    let icc = [b"ICC_PROFILE\0".as_slice(), &[1, 1], SECRET.as_bytes()].concat();
    [
        &jpeg[..2],
        &segment(0xE1, &exif_block(orientation, &thumbnail)),
        &segment(0xE1, xmp.as_bytes()),
        &segment(0xED, &iptc),
        &segment(0xE2, &icc),
        &segment(0xFE, format!("comment {SECRET}").as_bytes()),
        &jpeg[2..],
    ]
    .concat()
}

/// The markers of the segments before the image data.
fn header_markers(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF {
        let marker = jpeg[i + 1];
        if marker == 0xDA {
            break;
        }
        markers.push(marker);
        i += 2 + usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
    }
    markers
}

fn assert_clean(jpeg: &[u8]) {
    let markers = header_markers(jpeg);
    assert!(
        markers
            .iter()
            .all(|m| !(0xE1..=0xEF).contains(m) && *m != 0xFE),
        "metadata segments left: {markers:02X?}"
    );
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(jpeg))
            .is_err(),
        "EXIF left"
    );
    let text = String::from_utf8_lossy(jpeg);
    assert!(
        !text.contains(SECRET),
        "a metadata value is still in the file"
    );
    assert!(
        !text.contains("Exif"),
        "an EXIF header is still in the file"
    );
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
    let mut jpeg = jpeg_of(&marked_pixels());
    // Patch the frame header (SOF0): height then width, right after the precision byte.
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("SOF0");
    jpeg[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    let started = std::time::Instant::now();
    let result = sanitize(&jpeg, &SanitizeOptions::default());
    assert!(
        matches!(result, Err(PhotoError::TooManyPixels { .. })),
        "{result:?}"
    );
    // Not a benchmark: a sanity bound showing no 14-gigabyte decode happened.
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}
