//! `send-photo` and `photo`: a clinical photo into a case, and a decrypted one out to a file
//! the doctor names (the CLI never writes media anywhere else).

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::{Context, Result};
use innomed_core::{InnomedClient, MessageRef, PhotoSize, PhotoSource, SanitizeOptions};
use serde_json::json;

use crate::output::{self, Report};

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
    let sent = crate::files::sent_within(upload.progress, timeout).await;
    Ok(Report {
        value: json!({
            "ok": true, "case": case_id, "transaction_id": upload.transaction_id,
            "event_id": sent, "delivered": sent.is_some(),
        }),
        text: match &sent {
            Some(event_id) => format!("photo sent ({})", output::line(event_id)),
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
    write_photo(&out, &bytes)?;
    Ok(Report {
        value: json!({ "ok": true, "case": case_id, "bytes": bytes.len(), "out": out }),
        text: format!(
            "{} bytes written to {} (readable by you only)",
            bytes.len(),
            output::line(out.display())
        ),
    })
}

/// The decrypted photo, readable by its owner only (on a shared machine other accounts must
/// not read it), replacing `out` atomically.
fn write_photo(out: &Path, bytes: &[u8]) -> Result<()> {
    innomed_core::private_file::write_private(out, bytes)
        .with_context(|| format!("writing {}", out.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_decrypted_photo_is_written_owner_only_even_over_a_readable_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("photo.jpg");
        write_photo(&out, b"\xFF\xD8\xFF first").expect("write");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&out), 0o600);
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        write_photo(&out, b"\xFF\xD8\xFF second").expect("write");
        assert_eq!(mode(&out), 0o600);
        assert_eq!(std::fs::read(&out).expect("read"), b"\xFF\xD8\xFF second");
    }

    #[test]
    fn a_photo_into_a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("missing").join("photo.jpg");
        let e = write_photo(&out, b"jpeg").expect_err("no folder");
        assert!(format!("{e:#}").contains("photo.jpg"), "{e:#}");
    }
}
