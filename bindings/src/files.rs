//! Photos and documents sent together: each prepared (sanitised or cleaned) as the doctor picks
//! it, so a refusal is said next to that file, then all queued in the doctor's order; and
//! received documents opened through the platform's viewer.

use std::sync::Arc;

use futures_util::StreamExt;
use innomed_core::{
    FileKind, MessageRef, PhotoError, PhotoSource, PhotoUpload, PreparedFile as CorePreparedFile,
    UploadProgress,
};

use crate::{
    conversation::{Conversation, PhotoSending},
    platform::on_core,
    task::TaskHandle,
};

/// Upload progress of the files of one send, each told by its transaction id.
#[uniffi::export(foreign)]
pub trait FileUploadListener: Send + Sync {
    fn on_progress(&self, transaction_id: String, progress: UploadProgress);
}

/// A photo sanitised or a PDF cleaned on this device, ready to send.
#[derive(uniffi::Object)]
pub struct PreparedFile {
    file: CorePreparedFile,
}

/// Sanitises a photo (JPEG, PNG, WebP) or cleans a PDF, told apart by their bytes; the caption
/// is a photo's markdown caption or a document's title. Nothing leaves the device.
#[uniffi::export]
pub async fn prepare_file(
    source: PhotoSource,
    caption: Option<String>,
) -> Result<Arc<PreparedFile>, PhotoError> {
    let file = crate::platform::run(async move {
        innomed_core::prepare_file(source, caption.as_deref()).await
    })
    .await?;
    Ok(Arc::new(PreparedFile { file }))
}

#[uniffi::export]
impl PreparedFile {
    pub fn kind(&self) -> FileKind {
        self.file.kind()
    }

    /// Bytes that will be encrypted and uploaded.
    pub fn size(&self) -> u64 {
        self.file.size()
    }

    /// The thumbnail JPEG sent with it, for the preview before sending.
    pub fn thumbnail(&self) -> Option<Vec<u8>> {
        self.file.thumbnail()
    }

    pub fn caption(&self) -> Option<String> {
        self.file.caption()
    }

    /// The same file with the caption or title the doctor typed after picking it.
    pub fn with_caption(&self, caption: Option<String>) -> Arc<PreparedFile> {
        Arc::new(PreparedFile {
            file: self.file.with_caption(caption.as_deref()),
        })
    }
}

#[uniffi::export]
impl Conversation {
    /// Queues prepared files in this order; nothing is uploaded unless the header records
    /// consent. Progress of each file reaches `listener` with its transaction id.
    pub async fn send_files(
        &self,
        files: Vec<Arc<PreparedFile>>,
        listener: Option<Arc<dyn FileUploadListener>>,
    ) -> Result<Vec<PhotoSending>, PhotoError> {
        let files = files.iter().map(|f| f.file.clone()).collect();
        let uploads = on_core!(self.core(), |c| c.send_files(files))?;
        Ok(uploads
            .into_iter()
            .map(|upload| forward(upload, listener.clone()))
            .collect())
    }

    /// A received document's PDF, downloaded, checked against its hash and cleaned again.
    pub async fn fetch_document(&self, message: MessageRef) -> Result<Vec<u8>, PhotoError> {
        on_core!(self.core(), |c| c.document(&message))
    }

    /// Writes a received document, cleaned, into the account's own folder for the platform's
    /// viewer (a FileProvider URI on Android, QuickLook on iOS); returns its path. Removed when
    /// the doctor leaves the case, and with the account at sign-out.
    pub async fn save_document(&self, message: MessageRef) -> Result<String, PhotoError> {
        let path = on_core!(self.core(), |c| c.save_document(&message))?;
        Ok(path.to_string_lossy().into_owned())
    }
}

/// Reports one upload's progress to `listener` until it is sent or stops.
fn forward(upload: PhotoUpload, listener: Option<Arc<dyn FileUploadListener>>) -> PhotoSending {
    let transaction_id = upload.transaction_id;
    let mut updates = upload.progress;
    let id = transaction_id.clone();
    let progress = TaskHandle::spawn(move |cancelled| async move {
        let Some(listener) = listener else { return };
        while let Some(update) = updates.next().await {
            if cancelled.is_set() {
                return;
            }
            listener.on_progress(id.clone(), update);
        }
    });
    PhotoSending {
        transaction_id,
        progress,
    }
}
