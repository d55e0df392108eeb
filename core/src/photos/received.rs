//! Limits on photos received from other members, checked on the file's header before anything
//! decodes a pixel: a hostile member can send a small file that decodes to gigabytes (a
//! "decompression bomb"). The apps draw received images downsampled to the screen with the
//! same limits (`Images.kt`, `BoundedImage.swift`).

use std::io::Cursor;

use image::{ImageFormat, ImageReader};

use super::{PhotoError, PhotoSize};

/// The largest received full image: bytes and pixels (a camera photo from another client is
/// well under both; Innomed itself sends at most 2048 px on the long edge).
pub const MAX_RECEIVED_BYTES: u64 = 25 * 1024 * 1024;
pub const MAX_RECEIVED_PIXELS: u64 = 50_000_000;
/// The largest received thumbnail (Innomed sends 320 px; other clients up to about 800 px).
pub const MAX_THUMBNAIL_BYTES: u64 = 2 * 1024 * 1024;
pub const MAX_THUMBNAIL_PIXELS: u64 = 2048 * 2048;

/// The limits for this size of image.
pub(crate) fn limits(size: PhotoSize) -> (u64, u64) {
    match size {
        PhotoSize::Thumbnail => (MAX_THUMBNAIL_BYTES, MAX_THUMBNAIL_PIXELS),
        PhotoSize::Full => (MAX_RECEIVED_BYTES, MAX_RECEIVED_PIXELS),
    }
}

/// Refuses a declared size over the limit before downloading (the event's own word, checked
/// again on the bytes).
pub(crate) fn check_declared(declared: Option<u64>, size: PhotoSize) -> Result<(), PhotoError> {
    let (max_bytes, _) = limits(size);
    match declared {
        Some(bytes) if bytes > max_bytes => Err(PhotoError::TooLarge {
            size: bytes,
            limit: max_bytes,
        }),
        _ => Ok(()),
    }
}

/// Checks decrypted bytes: a JPEG, PNG or WebP whose header gives a size within the limits.
pub(crate) fn check(bytes: &[u8], size: PhotoSize) -> Result<(), PhotoError> {
    let (max_bytes, max_pixels) = limits(size);
    header(bytes, max_bytes, max_pixels).map(|_| ())
}

/// Reads only the header of a JPEG, PNG or WebP within `max_bytes` and `max_pixels`: its format
/// and size. No pixel buffer exists yet (shared by the sanitiser and the received photos).
pub(crate) fn header(
    bytes: &[u8],
    max_bytes: u64,
    max_pixels: u64,
) -> Result<(ImageFormat, u32, u32), PhotoError> {
    let length = bytes.len() as u64;
    if length > max_bytes {
        return Err(PhotoError::TooLarge {
            size: length,
            limit: max_bytes,
        });
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        _ => return Err(PhotoError::UnsupportedFormat),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| PhotoError::Corrupt)?;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(PhotoError::TooManyPixels {
            width,
            height,
            limit: max_pixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(PhotoError::Corrupt);
    }
    Ok((format, width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decompression_bomb_is_refused_on_its_header() {
        let bomb = innomed_harness::photos::bomb_jpeg(30_000);
        assert!(matches!(
            check(&bomb, PhotoSize::Full),
            Err(PhotoError::TooManyPixels {
                width: 30_000,
                height: 30_000,
                ..
            })
        ));
        // A thumbnail has a lower limit than a full image.
        let big = innomed_harness::photos::bomb_jpeg(4000);
        assert!(check(&big, PhotoSize::Full).is_ok());
        assert!(matches!(
            check(&big, PhotoSize::Thumbnail),
            Err(PhotoError::TooManyPixels { .. })
        ));
    }

    #[test]
    fn oversized_or_foreign_files_are_refused() {
        assert!(matches!(
            check_declared(Some(MAX_RECEIVED_BYTES + 1), PhotoSize::Full),
            Err(PhotoError::TooLarge { .. })
        ));
        assert!(check_declared(None, PhotoSize::Full).is_ok());
        assert_eq!(
            check(b"%PDF-1.7 not an image", PhotoSize::Full),
            Err(PhotoError::UnsupportedFormat)
        );
        assert_eq!(
            check(&innomed_harness::photos::bomb_jpeg(0), PhotoSize::Full),
            Err(PhotoError::Corrupt)
        );
    }
}
