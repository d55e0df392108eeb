//! `send-file` and `file`: photos and PDFs into a case together, and a received document out to
//! a file the doctor names (readable by them only).

use std::{path::PathBuf, time::Duration};

use anyhow::{Context, Result};
use futures_util::{future::join_all, StreamExt};
use innomed_core::{
    prepare_file, DocumentMessage, FileKind, InnomedClient, MessageRef, PhotoSource, UploadProgress,
};
use serde_json::json;

use crate::output::{self, Report};

/// Prepares every file first (a refusal names the file, and nothing is sent), then queues them
/// in order and waits up to `timeout` for the uploads.
pub async fn send(
    client: &InnomedClient,
    case_id: &str,
    files: Vec<PathBuf>,
    captions: Vec<String>,
    timeout: Duration,
) -> Result<Report> {
    let conversation = client.case(case_id)?.conversation().await?;
    let mut prepared = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let caption = captions.get(i).map(String::as_str);
        let file = prepare_file(PhotoSource::File(path.clone()), caption)
            .await
            .with_context(|| format!("file {} ({})", i + 1, output::line(path.display())))?;
        prepared.push(file);
    }
    let kinds: Vec<FileKind> = prepared.iter().map(|f| f.kind()).collect();
    let uploads = conversation.send_files(prepared).await?;
    let waits = uploads.into_iter().map(|upload| async move {
        let sent = sent_within(upload.progress, timeout).await;
        (upload.transaction_id, sent)
    });
    let results = join_all(waits).await;
    let delivered = results.iter().filter(|(_, sent)| sent.is_some()).count();
    let items: Vec<_> = results
        .iter()
        .zip(&kinds)
        .map(|((transaction_id, sent), kind)| {
            json!({
                "kind": match kind { FileKind::Photo { .. } => "photo", FileKind::Document { .. } => "document" },
                "pages": match kind { FileKind::Document { pages } => Some(*pages), FileKind::Photo { .. } => None },
                "transaction_id": transaction_id, "event_id": sent, "delivered": sent.is_some(),
            })
        })
        .collect();
    Ok(Report {
        value: json!({ "ok": true, "case": case_id, "files": items }),
        text: if delivered == results.len() {
            format!("{delivered} file(s) sent")
        } else {
            format!(
                "{delivered} of {} file(s) sent; the others are queued and will be delivered when the homeserver answers",
                results.len()
            )
        },
    })
}

/// The event id once the upload is sent, or `None` if it is still queued after `timeout`.
pub async fn sent_within(
    mut progress: innomed_core::photos::UploadUpdates,
    timeout: Duration,
) -> Option<innomed_core::OwnedEventId> {
    tokio::time::timeout(timeout, async {
        while let Some(update) = progress.next().await {
            if let UploadProgress::Sent { event_id } = update {
                return Some(event_id);
            }
        }
        None
    })
    .await
    .ok()
    .flatten()
}

/// Decrypts a document of a case, cleaned again on this device, into `out` (owner-only).
pub async fn save(
    client: &InnomedClient,
    case_id: &str,
    event_id: innomed_core::OwnedEventId,
    out: PathBuf,
) -> Result<Report> {
    let conversation = client.case(case_id)?.conversation().await?;
    let _ = conversation.load_history(Duration::from_secs(30)).await;
    let bytes = conversation.document(&MessageRef::Event(event_id)).await?;
    innomed_core::private_file::write_private(&out, &bytes)
        .with_context(|| format!("writing {}", out.display()))?;
    Ok(Report {
        value: json!({ "ok": true, "case": case_id, "bytes": bytes.len(), "out": out }),
        text: format!(
            "{} bytes written to {} (readable by you only)",
            bytes.len(),
            output::line(out.display())
        ),
    })
}

/// A document's line in `show`: title, pages and size.
pub fn describe(document: &DocumentMessage) -> String {
    let mut line = document.title.clone();
    if let Some(pages) = document.pages {
        line.push_str(&format!(
            " — {pages} page{}",
            if pages > 1 { "s" } else { "" }
        ));
    }
    if let Some(size) = document.size {
        line.push_str(&format!(" — {} kB", size.div_ceil(1024)));
    }
    line
}
