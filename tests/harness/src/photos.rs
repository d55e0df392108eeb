//! Photo fixtures built by the tests: camera-like JPEGs carrying GPS, an EXIF orientation, a
//! maker note, an embedded thumbnail, XMP, IPTC, an ICC profile and a comment, each holding a
//! secret string; and the check that a sanitised JPEG holds none of it.

use std::io::Cursor;

use exif::{experimental::Writer, Field, In, Rational, Tag, Value};
use image::{codecs::jpeg::JpegEncoder, Rgb, RgbImage};

/// 64×32: a red block in the top-left quarter, blue elsewhere.
pub fn marked_pixels() -> RgbImage {
    RgbImage::from_fn(64, 32, |x, y| {
        if x < 32 && y < 16 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    })
}

pub fn jpeg_of(pixels: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(pixels)
        .expect("encode fixture");
    out
}

/// EXIF with an orientation, GPS, a description, a maker note and an embedded thumbnail.
fn exif_block(orientation: u16, thumbnail: &[u8], secret: &str) -> Vec<u8> {
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![orientation]),
        },
        Field {
            tag: Tag::ImageDescription,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![secret.as_bytes().to_vec()]),
        },
        Field {
            tag: Tag::MakerNote,
            ifd_num: In::PRIMARY,
            value: Value::Undefined(secret.as_bytes().to_vec(), 0),
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
pub fn camera_jpeg(pixels: &RgbImage, orientation: u16, secret: &str) -> Vec<u8> {
    let jpeg = jpeg_of(pixels);
    let thumbnail = jpeg_of(&RgbImage::from_pixel(8, 8, Rgb([1, 2, 3])));
    let xmp = format!(
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:description>{secret}</dc:description></x:xmpmeta>"
    );
    let caption = secret.as_bytes();
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
    let icc = [b"ICC_PROFILE\0".as_slice(), &[1, 1], secret.as_bytes()].concat();
    [
        &jpeg[..2],
        &segment(0xE1, &exif_block(orientation, &thumbnail, secret)),
        &segment(0xE1, xmp.as_bytes()),
        &segment(0xED, &iptc),
        &segment(0xE2, &icc),
        &segment(0xFE, format!("comment {secret}").as_bytes()),
        &jpeg[2..],
    ]
    .concat()
}

/// The markers of the segments before the image data.
pub fn header_markers(jpeg: &[u8]) -> Vec<u8> {
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

/// Panics unless `jpeg` carries no metadata segment (APP1–APP15, comment), no EXIF and no
/// trace of `secret`.
pub fn assert_clean(jpeg: &[u8], secret: &str) {
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
        !text.contains(secret),
        "a metadata value is still in the file"
    );
    assert!(
        !text.contains("Exif"),
        "an EXIF header is still in the file"
    );
}

/// A small JPEG whose frame header claims `side` × `side` pixels: a decompression bomb once
/// decoded, refused on its header.
pub fn bomb_jpeg(side: u16) -> Vec<u8> {
    let mut jpeg = jpeg_of(&marked_pixels());
    // The frame header (SOF0): height then width, right after the precision byte.
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("SOF0");
    jpeg[sof + 5..sof + 7].copy_from_slice(&side.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&side.to_be_bytes());
    jpeg
}
