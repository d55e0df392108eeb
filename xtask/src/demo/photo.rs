//! The photo step of the demo: the GP's camera file (GPS, a name in its file name) goes out
//! sanitised and encrypted; Dr Benali decrypts it; the homeserver keeps neither name nor
//! metadata.

use innomed_harness::{photos, Homeserver};

use super::{cli::*, inspect::disk_holds_nothing, print::*};

/// What the camera wrote into the file: a fake GPS note carrying the patient's name.
const CAMERA_METADATA: &str = "GPS 48.8566N 2.3522E Jeanne Dupont";
/// The name the phone gave the file.
const FILE_NAME: &str = "IMG_Dupont_Jeanne_dos.jpg";
pub(super) const CAPTION: &str = "Lésion du dos, vue d'ensemble à 20 cm";

pub(super) fn step(
    innomed: &Innomed,
    hs: &Homeserver,
    gp: &Doctor,
    derm: &Doctor,
    room_id: &str,
) -> Result<(), String> {
    section("Dr Martin adds a photo");
    let pixels = image_of_a_lesion();
    let camera = photos::camera_jpeg(&pixels, 6, CAMERA_METADATA);
    let file = gp.data_dir.path().join(FILE_NAME);
    std::fs::write(&file, &camera).map_err(|e| format!("writing the camera file: {e}"))?;
    note(&format!(
        "{FILE_NAME}: {} bytes from the camera, with EXIF (GPS, orientation), XMP, IPTC and a comment",
        camera.len()
    ));
    let file_arg = file.to_string_lossy().into_owned();
    let sent = innomed.json(
        gp,
        &[
            "send-photo",
            "--case",
            room_id,
            "--file",
            &file_arg,
            "--caption",
            CAPTION,
        ],
    )?;
    let event_id = string_field(&sent, "event_id")?;
    result(&format!("photo sanitised, encrypted and sent ({event_id})"));

    section("Dr Benali opens the photo");
    let out = derm.data_dir.path().join("photo-received.jpg");
    let out_arg = out.to_string_lossy().into_owned();
    let saved = innomed.json(
        derm,
        &[
            "photo", "--case", room_id, "--event", &event_id, "--out", &out_arg,
        ],
    )?;
    let received = std::fs::read(&out).map_err(|e| format!("reading the received photo: {e}"))?;
    let text = String::from_utf8_lossy(&received);
    if !received.starts_with(&[0xFF, 0xD8, 0xFF])
        || text.contains("Exif")
        || text.contains("Dupont")
    {
        return Err("the received photo is not a clean JPEG".to_owned());
    }
    // Stored 1600×1000 with EXIF orientation 6: shown upright, it is 1000×1600.
    let upright = image::load_from_memory(&received)
        .map(|i| (i.width(), i.height()) == (1000, 1600))
        .unwrap_or(false);
    if !upright {
        return Err("the received photo was not turned as its EXIF orientation said".to_owned());
    }
    result(&format!(
        "{} bytes decrypted: a 1000×1600 JPEG without metadata, turned upright",
        saved["bytes"]
    ));

    disk_holds_nothing(
        vec![
            (
                "file name in the database",
                hs.database_contains("Dupont_Jeanne"),
            ),
            (
                "camera metadata in the media store",
                hs.media_store_contains(CAMERA_METADATA.as_bytes()),
            ),
            (
                "JPEG bytes in the media store",
                hs.media_store_contains(&received[..20]),
            ),
        ],
        "photo data",
    )
}

/// 1600×1000 pixels: a brown oval on skin tones.
fn image_of_a_lesion() -> image::RgbImage {
    image::RgbImage::from_fn(1600, 1000, |x, y| {
        let (dx, dy) = (f64::from(x) - 800.0, f64::from(y) - 500.0);
        if (dx / 220.0).powi(2) + (dy / 150.0).powi(2) < 1.0 {
            image::Rgb([110, 70, 45])
        } else {
            image::Rgb([225, 185, 160])
        }
    })
}
