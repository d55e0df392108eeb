//! Documents: a PDF carrying metadata and active content reaches the specialist cleaned, with
//! two photos sent in the same go, in order and once (offline included); the homeserver keeps
//! no PDF, no title and no file name; the copy opened for the viewer is the doctor's only and
//! goes when she leaves the case; bad documents are refused, typed, with nothing uploaded.

use std::{path::Path, time::Duration};

use futures_util::{future::join_all, StreamExt};
use image::ImageFormat;
use innomed_core::{
    prepare_file, Conversation, DocumentMessage, FileKind, MessageKind, MessageRef, PhotoError,
    PhotoSize, PhotoSource, PhotoUpload, UploadProgress,
};
use innomed_harness::{documents as pdfs, photos, FaultProxy, Homeserver};

use crate::support::{
    conversation_of, eventually, header_with, load_all, marker, shared_case, wait_pending, Doctor,
    WAIT,
};

/// What the specialist's screen lists, oldest first: photos by caption, documents by title.
async fn attachments(conversation: &Conversation) -> Vec<(String, Option<MessageRef>)> {
    load_all(conversation).await;
    conversation
        .messages()
        .await
        .into_iter()
        .filter_map(|m| {
            let reference = m.event_id.clone().map(MessageRef::Event);
            match m.kind {
                MessageKind::Photo { photo } => {
                    Some((photo.caption.unwrap_or_default(), reference))
                }
                MessageKind::Document { document } => Some((document.title, reference)),
                _ => None,
            }
        })
        .collect()
}

async fn document_seen(conversation: &Conversation, title: &str) -> (MessageRef, DocumentMessage) {
    eventually("the document at the specialist", || async {
        load_all(conversation).await;
        conversation
            .messages()
            .await
            .into_iter()
            .find_map(|m| match m.kind {
                MessageKind::Document { document } if document.title == title => {
                    Some((MessageRef::Event(m.event_id?), *document))
                }
                _ => None,
            })
    })
    .await
}

async fn all_sent(uploads: Vec<PhotoUpload>) {
    let sent = join_all(uploads.into_iter().map(|upload| async move {
        let progress: Vec<UploadProgress> = upload.progress.collect().await;
        matches!(progress.last(), Some(UploadProgress::Sent { .. }))
    }));
    let sent = tokio::time::timeout(WAIT, sent)
        .await
        .expect("uploads end in time");
    assert!(sent.iter().all(|s| *s), "every file sent: {sent:?}");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pdf_and_two_photos_reach_the_specialist_cleaned_in_order_and_the_server_keeps_no_pdf() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-doc").await;
    let derm = Doctor::register(&hs.url(), "derm-doc").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("DOC"))).await;
    let gp_conversation = conversation_of(&gp, &room_id).await;
    let derm_conversation = conversation_of(&derm, &room_id).await;

    // The lab's file on the GP's phone: a name with the patient in it, and a title.
    let file_name = marker("NFS_DUPONT_MARIE");
    let title = marker("Bilan sanguin ");
    let path = gp.dir.path().join(format!("{file_name}.pdf"));
    std::fs::write(&path, pdfs::hostile_pdf()).expect("lab file");
    let captions = [marker("lesion face "), marker("lesion profil ")];
    let camera = photos::camera_jpeg(&photos::marked_pixels(), 1, "no secret");
    let uploads_before = hs.uploads_of(&gp.user_id).expect("uploads").len();

    let mut files = Vec::new();
    for caption in &captions {
        files.push(
            prepare_file(PhotoSource::Bytes(camera.clone()), Some(caption))
                .await
                .expect("photo prepared"),
        );
    }
    let document = prepare_file(PhotoSource::File(path), Some(&title))
        .await
        .expect("cleaned");
    assert_eq!(document.kind(), FileKind::Document { pages: 2 });
    assert!(document.thumbnail().is_some(), "the first page drawn");
    files.push(document);
    all_sent(gp_conversation.send_files(files).await.expect("queued")).await;

    // In the doctor's order, each once, on the specialist's device.
    let expected = vec![captions[0].clone(), captions[1].clone(), title.clone()];
    eventually("the three files at the specialist", || async {
        let seen: Vec<String> = attachments(&derm_conversation)
            .await
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        (seen == expected).then_some(())
    })
    .await;
    let (message, info) = document_seen(&derm_conversation, &title).await;
    assert_eq!(info.pages, Some(2));
    assert!(info.is_pdf && info.has_thumbnail);
    let thumbnail = derm_conversation
        .photo(&message, PhotoSize::Thumbnail)
        .await
        .expect("thumbnail");
    let drawn = image::load_from_memory_with_format(&thumbnail, ImageFormat::Jpeg).expect("a JPEG");
    assert_eq!(drawn.height(), 320);

    // The PDF itself, decrypted: none of the metadata or active content, pages and text intact.
    let pdf = derm_conversation
        .document(&message)
        .await
        .expect("document");
    assert!(info.size.is_some_and(|size| size > 0));
    let text = pdfs::all_text(&pdf);
    assert!(
        !text.contains(pdfs::SECRET),
        "metadata or active content left"
    );
    let pages = pdfs::page_texts(&pdf);
    assert_eq!(pages.len(), 2);
    assert!(pages[0].contains(pdfs::PAGE_ONE_TEXT) && pages[1].contains(pdfs::PAGE_TWO_TEXT));
    assert_eq!(
        derm_conversation.photo(&message, PhotoSize::Full).await,
        Err(PhotoError::NotAPhoto)
    );

    // The homeserver: ciphertext only, no PDF, no title, no file name.
    let uploads = hs.uploads_of(&gp.user_id).expect("uploads");
    assert_eq!(
        uploads.len(),
        uploads_before + 6,
        "three files and three thumbnails"
    );
    for upload in &uploads {
        assert_eq!(upload.content_type, "application/octet-stream");
    }
    assert!(
        !hs.media_store_contains(b"%PDF").expect("media scan"),
        "a PDF in the media store"
    );
    for needle in [&title, &file_name] {
        assert!(
            !hs.database_contains(needle).expect("database scan"),
            "{needle} in the database"
        );
        assert!(!hs
            .media_store_contains(needle.as_bytes())
            .expect("media scan"));
    }

    // Opened for the viewer: a file of the specialist's own, owner-only, gone when she leaves.
    let opened = derm_conversation
        .save_document(&message)
        .await
        .expect("written");
    assert!(opened.starts_with(derm.client.account_dir()));
    assert_eq!(std::fs::read(&opened).expect("opened"), pdf);
    #[cfg(unix)]
    {
        assert_eq!(mode(&opened), 0o600);
        assert_eq!(mode(opened.parent().expect("folder")), 0o700);
    }
    gp.client
        .case(&room_id)
        .expect("case")
        .remove(&derm.user_id)
        .await
        .expect("removed");
    eventually("the opened document removed with the case", || async {
        (!opened.exists()).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_sent_while_the_network_is_cut_arrive_once_in_order_when_it_returns() {
    let hs = Homeserver::shared().expect("synapse");
    let proxy = FaultProxy::start(&hs.url()).expect("fault proxy");
    let gp =
        crate::offline::through(&proxy, Doctor::register(&proxy.url(), "gp-docnet").await).await;
    let derm = Doctor::register(&hs.url(), "derm-docnet").await;
    let room_id = shared_case(&gp, &derm, header_with(&marker("DOCNET"))).await;
    let conversation = conversation_of(&gp, &room_id).await;
    let derm_conversation = conversation_of(&derm, &room_id).await;
    // The header (and its consent) read while online, as on the GP's own device.
    load_all(&conversation).await;

    let title = marker("ECG ");
    let caption = marker("photo ");
    let photo = prepare_file(
        PhotoSource::Bytes(photos::camera_jpeg(&photos::marked_pixels(), 1, "x")),
        Some(&caption),
    )
    .await
    .expect("photo");
    let document = prepare_file(PhotoSource::Bytes(pdfs::plain_pdf(3)), Some(&title))
        .await
        .expect("document");

    proxy.cut();
    let uploads = conversation
        .send_files(vec![photo, document])
        .await
        .expect("queued while cut");
    assert_eq!(uploads.len(), 2);
    wait_pending(&conversation, 2).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(
        attachments(&derm_conversation).await.is_empty(),
        "nothing crossed the cut"
    );
    proxy.restore();

    eventually("both files at the specialist, in order", || async {
        let seen: Vec<String> = attachments(&derm_conversation)
            .await
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        (seen == [caption.clone(), title.clone()]).then_some(())
    })
    .await;
    // Once: still two a while later.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(attachments(&derm_conversation).await.len(), 2);
    let (_, info) = document_seen(&derm_conversation, &title).await;
    assert_eq!(info.pages, Some(3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_documents_get_their_typed_error_and_nothing_is_uploaded() {
    let hs = Homeserver::shared().expect("synapse");
    let gp = Doctor::register(&hs.url(), "gp-baddoc").await;
    let prepare = |bytes: Vec<u8>| async move {
        prepare_file(PhotoSource::Bytes(bytes), None)
            .await
            .map(|f| f.kind())
    };
    assert_eq!(
        prepare(pdfs::encrypted_pdf()).await,
        Err(PhotoError::Encrypted)
    );
    assert_eq!(
        prepare(pdfs::truncated_pdf()).await,
        Err(PhotoError::Corrupt)
    );
    assert_eq!(
        prepare(pdfs::deeply_nested_pdf(1_000)).await,
        Err(PhotoError::Corrupt)
    );
    assert!(matches!(
        prepare(pdfs::many_pages_pdf(10_000)).await,
        Err(PhotoError::TooManyPages { pages: 10_000, .. })
    ));
    // A text file named `.pdf`: refused on its bytes, not its name.
    let text = gp.dir.path().join("bilan.pdf");
    std::fs::write(&text, "Mme D., glycemie 1,2 g/l").expect("text file");
    assert_eq!(
        prepare_file(PhotoSource::File(text), None)
            .await
            .map(|f| f.kind()),
        Err(PhotoError::UnsupportedFormat)
    );
    // Oversized: refused on the file's size, before a byte is read.
    let big = gp.dir.path().join("scan.pdf");
    let file = std::fs::File::create(&big).expect("big file");
    file.set_len(41 * 1024 * 1024).expect("size");
    assert!(matches!(
        prepare_file(PhotoSource::File(big), None)
            .await
            .map(|f| f.kind()),
        Err(PhotoError::TooLarge { .. })
    ));

    // Preparing is on the device only: nothing went up.
    assert!(hs.uploads_of(&gp.user_id).expect("uploads").is_empty());

    // No consent in the header: a clean document is refused by the case.
    let derm = Doctor::register(&hs.url(), "derm-baddoc").await;
    let mut new = header_with(&marker("NOCONSENT"));
    new.header.photo_consent = false;
    let room_id = shared_case(&gp, &derm, new).await;
    let conversation = conversation_of(&gp, &room_id).await;
    let clean = prepare_file(PhotoSource::Bytes(pdfs::plain_pdf(1)), None)
        .await
        .expect("clean");
    // Inviting uploads the encrypted key bundle of shared history, possibly a little later:
    // counted once the count has settled.
    let mut uploads_before_sending = hs.uploads_of(&gp.user_id).expect("uploads").len();
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let now = hs.uploads_of(&gp.user_id).expect("uploads").len();
        if now == uploads_before_sending {
            break;
        }
        uploads_before_sending = now;
    }
    assert_eq!(
        conversation.send_files(vec![clean]).await.map(|u| u.len()),
        Err(PhotoError::NoConsent)
    );
    let uploads = hs.uploads_of(&gp.user_id).expect("uploads");
    assert_eq!(uploads.len(), uploads_before_sending, "{uploads:?}");
    assert!(!hs.media_store_contains(b"%PDF").expect("media scan"));
}
