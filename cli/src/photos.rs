//! `send-photo` and `photo`: a clinical photo into a case, and a decrypted one out to a file
//! the doctor names (the CLI never writes media anywhere else).

use std::{path::PathBuf, time::Duration};

use anyhow::{Context, Result};
use futures_util::StreamExt;
use innomed_core::{
    InnomedClient, MessageRef, PhotoError, PhotoSize, PhotoSource, SanitizeOptions, UploadProgress,
};
use serde_json::json;

use crate::output::Report;

/// Sanitises, encrypts and sends `file`; waits up to `timeout` for the upload.
pub async fn send(
    client: &InnomedClient,
    case_id: &str,
    file: PathBuf,
    caption: Option<String>,
    timeout: Duration,
) -> Result<Report> {
    let conversation = client.case(case_id)?.conversation().await?;
    let upload = conversation
        .send_photo(
            PhotoSource::File(file),
            caption.as_deref(),
            &SanitizeOptions::default(),
        )
        .await?;
    let mut progress = upload.progress;
    let sent = tokio::time::timeout(timeout, async {
        while let Some(update) = progress.next().await {
            if let UploadProgress::Sent { event_id } = update {
                return Some(event_id);
            }
        }
        None
    })
    .await
    .ok()
    .flatten();
    Ok(Report {
        value: json!({
            "ok": true, "case": case_id, "transaction_id": upload.transaction_id,
            "event_id": sent, "delivered": sent.is_some(),
        }),
        text: match &sent {
            Some(event_id) => format!("photo sent ({event_id})"),
            None => "photo queued: it will be delivered when the homeserver answers".to_owned(),
        },
    })
}

/// Decrypts a photo (or its thumbnail) of a case into `out`.
pub async fn save(
    client: &InnomedClient,
    case_id: &str,
    event_id: innomed_core::OwnedEventId,
    thumbnail: bool,
    out: PathBuf,
) -> Result<Report> {
    let conversation = client.case(case_id)?.conversation().await?;
    let _ = conversation.load_history(Duration::from_secs(30)).await;
    let size = if thumbnail {
        PhotoSize::Thumbnail
    } else {
        PhotoSize::Full
    };
    let bytes = conversation
        .photo(&MessageRef::Event(event_id), size)
        .await?;
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    Ok(Report {
        value: json!({ "ok": true, "case": case_id, "bytes": bytes.len(), "out": out }),
        text: format!("{} bytes written to {}", bytes.len(), out.display()),
    })
}

/// The stable code of a photo error, for scripts.
pub fn error_code(e: &PhotoError) -> &'static str {
    match e {
        PhotoError::TooLarge { .. } => "photo_too_large",
        PhotoError::UnsupportedFormat => "unsupported_format",
        PhotoError::TooManyPixels { .. } => "too_many_pixels",
        PhotoError::Corrupt => "corrupt_photo",
        PhotoError::Unreadable => "unreadable_file",
        PhotoError::NoConsent => "no_photo_consent",
        PhotoError::NotJoined => "not_joined",
        PhotoError::NotEncrypted => "not_encrypted",
        PhotoError::MessageNotFound => "message_not_found",
        PhotoError::NotAPhoto => "not_a_photo",
        PhotoError::Tampered => "tampered",
        PhotoError::MediaMissing => "media_missing",
        PhotoError::HomeserverUnreachable => "homeserver_unreachable",
        PhotoError::Failed(_) => "photo_failed",
    }
}
