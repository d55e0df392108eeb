//! Photos: the GP's camera file reaches the dermatologist sanitised and decrypted; the
//! homeserver keeps only ciphertext and no name; an altered file is refused; bad inputs are
//! refused before anything is uploaded.

use std::path::Path;

use futures_util::StreamExt;
use image::{ImageFormat, Rgb, RgbImage};
use innomed_core::{
    photos::sanitize, CaseRoom, Conversation, MessageKind, MessageRef, PhotoError, PhotoMessage,
    PhotoSize, PhotoSource, SanitizeOptions, UploadProgress,
};
use innomed_harness::{photos, Homeserver, HomeserverOptions};

use crate::support::{
    case_seen_by, eventually, header_with, load_all, marker, shared_case, wait_pending, Doctor,
    WAIT,
};

/// 1200×600 stored pixels, red in the top-left quarter; orientation 6 shows them turned
/// clockwise (600×1200, red top-right).
fn lesion_pixels() -> RgbImage {
    RgbImage::from_fn(1200, 600, |x, y| {
        if x < 600 && y < 300 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, (120 + (x + y) % 100) as u8])
        }
    })
}

/// A GP and a dermatologist in one case (the header records photo consent, or not).
async fn photo_case(hs_url: &str, consent: bool) -> (Doctor, Doctor, CaseRoom, Conversation) {
    let gp = Doctor::register(hs_url, "gp").await;
    let derm = Doctor::register(hs_url, "derm").await;
    let mut new = header_with(&marker("PH"));
    new.header.photo_consent = consent;
    let room_id = shared_case(&gp, &derm, new).await;
    let case = gp.client.case(&room_id).expect("case");
    let derm_conversation = eventually("the dermatologist in the case", || async {
        let c = derm.client.case(&room_id).ok()?;
        (c.membership() == innomed_core::Membership::Joined).then_some(())?;
        c.conversation().await.ok()
    })
    .await;
    (gp, derm, case, derm_conversation)
}

/// Waits until `conversation` shows a photo whose caption contains `caption`.
async fn photo_seen(conversation: &Conversation, caption: &str) -> (MessageRef, PhotoMessage) {
    eventually("the photo at the dermatologist", || async {
        load_all(conversation).await;
        conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Photo { photo: p }
                    if p.caption.as_deref().is_some_and(|c| c.contains(caption)) =>
                {
                    Some((MessageRef::Event(m.event_id?), *p))
                }
                _ => None,
            })
    })
    .await
}

fn decode(jpeg: &[u8]) -> RgbImage {
    image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg)
        .expect("a JPEG")
        .into_rgb8()
}

/// Does any file under `dir` contain `needle`?
fn dir_contains(dir: &Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).expect("list").flatten().any(|e| {
        let path = e.path();
        if path.is_dir() {
            dir_contains(&path, needle)
        } else {
            std::fs::read(&path)
                .map(|b| b.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false)
        }
    })
}

/// A window from the middle of `bytes`: entropy-coded data only this image has.
fn middle(bytes: &[u8]) -> &[u8] {
    let at = bytes.len() / 2;
    &bytes[at..at + 64]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_reaches_the_specialist_sanitised_and_the_server_keeps_only_ciphertext() {
    let hs = Homeserver::shared().expect("synapse");
    let (gp, derm, case, derm_conversation) = photo_case(&hs.url(), true).await;
    let secret = marker("GPSDUPONT");
    let caption = marker("CAPTION");
    let file_name = marker("IMG_DUPONT_JEANNE");
    let camera = photos::camera_jpeg(&lesion_pixels(), 6, &secret);
    let path = gp.dir.path().join(format!("{file_name}.jpg"));
    std::fs::write(&path, &camera).expect("camera file");

    // Inviting uploads the encrypted room-key bundle (shared history); the photo adds two.
    let uploaded_before = hs.uploads_of(&gp.user_id).expect("uploads").len();

    // The GP sends the camera file with a caption and watches the upload.
    let gp_conversation = case.conversation().await.expect("timeline");
    let upload = gp_conversation
        .send_photo(
            PhotoSource::File(path),
            Some(&format!("lesion, left forearm {caption}")),
            &SanitizeOptions::default(),
        )
        .await
        .expect("queued");
    let progress: Vec<UploadProgress> = tokio::time::timeout(WAIT, upload.progress.collect())
        .await
        .expect("the upload ends in time");
    let Some(UploadProgress::Sent { event_id }) = progress.last() else {
        panic!("the upload did not end sent: {progress:?}");
    };
    assert!(
        progress
            .iter()
            .any(|p| matches!(p, UploadProgress::Uploading { sent, total } if sent == total && *total > 0)),
        "upload progress reached its total: {progress:?}"
    );

    // The dermatologist sees the photo, thumbnail first, then the full image.
    let (message, info) = photo_seen(&derm_conversation, &caption).await;
    assert_eq!(message, MessageRef::Event(event_id.clone()));
    assert_eq!((info.width, info.height), (Some(600), Some(1200)));
    assert!(info.has_thumbnail && info.blurhash.is_some());
    let thumbnail = derm_conversation
        .photo(&message, PhotoSize::Thumbnail)
        .await
        .expect("thumbnail decrypted");
    photos::assert_clean(&thumbnail, &secret);
    assert_eq!(decode(&thumbnail).dimensions(), (160, 320));
    let full = derm_conversation
        .photo(&message, PhotoSize::Full)
        .await
        .expect("image decrypted");
    photos::assert_clean(&full, &secret);
    let expected = sanitize(&camera, &SanitizeOptions::default()).expect("sanitise");
    assert_eq!(full, expected.image.jpeg, "exactly the sanitised image");
    let shown = decode(&full);
    assert_eq!(shown.dimensions(), (600, 1200));
    let top_right = shown.get_pixel(560, 40);
    assert!(
        top_right[0] > 150 && top_right[2] < 100,
        "orientation applied"
    );

    // The homeserver: two encrypted uploads (image and thumbnail), nothing readable.
    let uploads = hs.uploads_of(&gp.user_id).expect("uploads");
    assert_eq!(uploads.len(), uploaded_before + 2, "{uploads:?}");
    for upload in &uploads {
        assert_eq!(upload.content_type, "application/octet-stream");
        let stored = std::fs::read(&upload.path).expect("stored file");
        assert!(
            image::guess_format(&stored).is_err(),
            "a readable image on the server"
        );
    }
    for (what, needle) in [
        ("JPEG header", &full[..20]),
        ("image data", middle(&full)),
        ("thumbnail data", middle(&thumbnail)),
        ("camera file", middle(&camera)),
        ("PNG signature", b"\x89PNG\r\n\x1a\n".as_slice()),
        ("metadata", secret.as_bytes()),
        ("caption", caption.as_bytes()),
        ("file name", file_name.as_bytes()),
    ] {
        assert!(
            !hs.media_store_contains(needle).expect("media scan"),
            "{what} in the media store"
        );
    }
    for needle in [&caption, &file_name, &secret] {
        assert!(
            !hs.database_contains(needle).expect("database scan"),
            "{needle} in the database"
        );
    }
    // Both devices keep the image, its thumbnail and the caption only inside their encrypted
    // stores: no file of either account holds them readable.
    for doctor in [&gp, &derm] {
        let store = doctor.client.account_dir();
        for (what, needle) in [
            ("JPEG header", &full[..20]),
            ("image data", middle(&full)),
            ("thumbnail data", middle(&thumbnail)),
            ("caption", caption.as_bytes()),
        ] {
            assert!(
                !dir_contains(store, needle),
                "{what} readable in {}'s store",
                doctor.user_id
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_altered_on_the_server_is_refused_not_shown() {
    let hs = Homeserver::shared().expect("synapse");
    let (gp, _derm, case, derm_conversation) = photo_case(&hs.url(), true).await;
    let caption = marker("ALTERED");
    let camera = photos::camera_jpeg(&lesion_pixels(), 1, "no secret here");
    let mut upload = case
        .conversation()
        .await
        .expect("timeline")
        .send_photo(
            PhotoSource::Bytes(camera),
            Some(&caption),
            &SanitizeOptions::default(),
        )
        .await
        .expect("queued");
    while let Some(p) = upload.progress.next().await {
        if matches!(p, UploadProgress::Sent { .. }) {
            break;
        }
    }
    let (message, _) = photo_seen(&derm_conversation, &caption).await;

    // The homeserver (or anyone with its disk) flips bits in the stored image.
    let uploads = hs.uploads_of(&gp.user_id).expect("uploads");
    let image = uploads
        .iter()
        .max_by_key(|u| u.length)
        .expect("image upload");
    let mut stored = std::fs::read(&image.path).expect("stored");
    let at = stored.len() / 2;
    stored[at] ^= 0x55;
    std::fs::write(&image.path, stored).expect("alter");

    for _ in 0..2 {
        assert_eq!(
            derm_conversation.photo(&message, PhotoSize::Full).await,
            Err(PhotoError::Tampered),
            "refused, every time"
        );
    }
    // The untouched thumbnail still shows.
    let thumbnail = derm_conversation
        .photo(&message, PhotoSize::Thumbnail)
        .await
        .expect("thumbnail");
    assert!(decode(&thumbnail).width() <= 320);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_photos_get_their_typed_error_and_nothing_is_uploaded() {
    let hs = Homeserver::shared().expect("synapse");
    let options = SanitizeOptions::default();
    let good = photos::camera_jpeg(&photos::marked_pixels(), 1, "x");

    // No consent in the header: refused, whatever the photo.
    let (gp, derm, no_consent, _) = photo_case(&hs.url(), false).await;
    let refused = no_consent
        .conversation()
        .await
        .expect("timeline")
        .send_photo(PhotoSource::Bytes(good.clone()), None, &options)
        .await;
    assert_eq!(
        refused.map(|u| u.transaction_id),
        Err(PhotoError::NoConsent)
    );

    let case = gp
        .client
        .create_case(header_with(&marker("OK")))
        .await
        .expect("case");
    let conversation = case.conversation().await.expect("timeline");
    // The dermatologist is only invited to this case.
    case.invite(&derm.user_id).await.expect("invite");
    let invited = case_seen_by(&derm, case.room_id().as_str()).await;
    let uploads_before = (
        hs.uploads_of(&gp.user_id).expect("uploads"),
        hs.uploads_of(&derm.user_id).expect("uploads"),
    );
    let send = |source: PhotoSource, options: SanitizeOptions| {
        let conversation = conversation.clone();
        async move {
            let started = std::time::Instant::now();
            let result = conversation.send_photo(source, None, &options).await;
            (result.map(|u| u.transaction_id), started.elapsed())
        }
    };
    let bytes = |b: Vec<u8>| PhotoSource::Bytes(b);
    let (result, _) = send(bytes(b"%PDF-1.7 not a photo".to_vec()), options.clone()).await;
    assert_eq!(result, Err(PhotoError::UnsupportedFormat));
    let (result, _) = send(bytes(good[..good.len() / 2].to_vec()), options.clone()).await;
    assert_eq!(result, Err(PhotoError::Corrupt));
    let (result, elapsed) = send(bytes(photos::bomb_jpeg(60_000)), options.clone()).await;
    assert!(
        matches!(result, Err(PhotoError::TooManyPixels { .. })),
        "{result:?}"
    );
    // Not a benchmark: a sanity bound showing no multi-gigabyte decode happened.
    assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    let small = SanitizeOptions {
        max_input_bytes: 100,
        ..options.clone()
    };
    let (result, _) = send(bytes(good.clone()), small.clone()).await;
    assert!(
        matches!(result, Err(PhotoError::TooLarge { .. })),
        "{result:?}"
    );
    let path = gp.dir.path().join("big.jpg");
    std::fs::write(&path, &good).expect("file");
    let (result, _) = send(PhotoSource::File(path), small).await;
    assert!(
        matches!(result, Err(PhotoError::TooLarge { .. })),
        "{result:?}"
    );
    let missing = gp.dir.path().join("missing.jpg");
    let (result, _) = send(PhotoSource::File(missing), options.clone()).await;
    assert_eq!(result, Err(PhotoError::Unreadable));

    // Fetching something that is not a photo.
    let header_event = eventually("the header event id", || async {
        conversation.messages().await.into_iter().find_map(|m| {
            matches!(m.kind, MessageKind::Header { .. })
                .then_some(m.event_id)
                .flatten()
        })
    })
    .await;
    assert_eq!(
        conversation
            .photo(&MessageRef::Event(header_event), PhotoSize::Full)
            .await,
        Err(PhotoError::NotAPhoto)
    );
    assert_eq!(
        conversation
            .photo(
                &MessageRef::Local("no-such-transaction".into()),
                PhotoSize::Full
            )
            .await,
        Err(PhotoError::MessageNotFound)
    );

    // Invited is not joined: refused.
    let refused = invited
        .conversation()
        .await
        .expect("timeline")
        .send_photo(PhotoSource::Bytes(good), None, &options)
        .await;
    assert_eq!(
        refused.map(|u| u.transaction_id),
        Err(PhotoError::NotJoined)
    );

    assert_eq!(
        (
            hs.uploads_of(&gp.user_id).expect("uploads"),
            hs.uploads_of(&derm.user_id).expect("uploads"),
        ),
        uploads_before,
        "nothing more reached the homeserver"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_taken_offline_arrives_after_reconnection_in_order_with_text() {
    // A homeserver of its own: this test stops and restarts it.
    let mut hs = Homeserver::start(HomeserverOptions::default()).expect("synapse");
    let (gp, _derm, case, derm_conversation) = photo_case(&hs.url(), true).await;
    let gp_conversation = case.conversation().await.expect("timeline");
    let (before, caption, after) = (marker("BEFORE"), marker("OFFPHOTO"), marker("AFTER"));

    hs.stop().expect("stop synapse");
    gp_conversation.send_text(&before).await.expect("queued");
    let upload = gp_conversation
        .send_photo(
            PhotoSource::Bytes(photos::camera_jpeg(&lesion_pixels(), 3, "x")),
            Some(&caption),
            &SanitizeOptions::default(),
        )
        .await
        .expect("queued offline");
    gp_conversation.send_text(&after).await.expect("queued");
    wait_pending(&gp_conversation, 3).await;
    // The GP's own photo shows from the device while it waits.
    let local = MessageRef::Local(upload.transaction_id.clone());
    let own = gp_conversation
        .photo(&local, PhotoSize::Thumbnail)
        .await
        .expect("local thumbnail");
    assert!(decode(&own).width() <= 320);

    hs.restart().expect("restart synapse");
    let wanted = [before.clone(), format!("photo {caption}"), after.clone()];
    let seen = eventually("the three messages at the dermatologist", || async {
        load_all(&derm_conversation).await;
        let ours: Vec<String> = derm_conversation
            .messages()
            .await
            .into_iter()
            .filter_map(|m| match m.kind {
                MessageKind::Text { body, .. } if body == before || body == after => Some(body),
                MessageKind::Photo { photo: p }
                    if p.caption.as_deref() == Some(caption.as_str()) =>
                {
                    Some(format!("photo {caption}"))
                }
                _ => None,
            })
            .collect();
        (ours.len() >= 3).then_some(ours)
    })
    .await;
    assert_eq!(seen, wanted, "in order, once each");
    let (message, _) = photo_seen(&derm_conversation, &caption).await;
    let full = derm_conversation
        .photo(&message, PhotoSize::Full)
        .await
        .expect("decrypted after reconnection");
    assert_eq!(decode(&full).dimensions(), (1200, 600));
    drop(gp);
}
