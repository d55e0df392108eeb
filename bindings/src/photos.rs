//! Photos in a case: send from camera bytes or a private file with upload progress, then fetch
//! the decrypted thumbnail and full image as bytes.

use std::{path::PathBuf, sync::Arc};

use futures_util::StreamExt;
use innomed_core::{self as core, OwnedEventId, SanitizeOptions};

use crate::{
    convert::PhotoSize, error::PhotoError, platform::run, task::TaskHandle, timeline::Timeline,
};

/// What a photo message says; the pixels come from [`Timeline::fetch_photo`].
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PhotoMessage {
    pub caption: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Bytes of the image file.
    pub size: Option<u64>,
    /// Placeholder to draw until the thumbnail is decrypted.
    pub blurhash: Option<String>,
    pub has_thumbnail: bool,
}

impl From<core::PhotoMessage> for PhotoMessage {
    fn from(p: core::PhotoMessage) -> Self {
        Self {
            caption: p.caption,
            width: p.width,
            height: p.height,
            size: p.size,
            blurhash: p.blurhash,
            has_thumbnail: p.has_thumbnail,
        }
    }
}

/// Which message: by event id, or by transaction id while it is only on this device.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum MessageRef {
    Event { event_id: String },
    Local { transaction_id: String },
}

/// Upload progress of one photo, called from the core's runtime.
#[uniffi::export(foreign)]
pub trait PhotoUploadListener: Send + Sync {
    /// Encrypted bytes (image and thumbnail) uploaded so far.
    fn on_progress(&self, sent: u64, total: u64);
    /// The photo is on the homeserver; the last call.
    fn on_sent(&self, event_id: String);
    /// Sending stopped; `recoverable` failures are retried when the network returns.
    fn on_failed(&self, recoverable: bool);
}

/// A photo queued on this device.
#[derive(uniffi::Record)]
pub struct PhotoSending {
    /// Also on the photo's local echo in the timeline.
    pub transaction_id: String,
    /// Stops the progress reports (not the upload).
    pub progress: Arc<TaskHandle>,
}

impl Timeline {
    async fn send(
        &self,
        source: core::PhotoSource,
        caption: Option<String>,
        listener: Option<Arc<dyn PhotoUploadListener>>,
    ) -> Result<PhotoSending, PhotoError> {
        let c = self.conversation.clone();
        let upload = run(async move {
            c.send_photo(source, caption.as_deref(), &SanitizeOptions::default())
                .await
        })
        .await??;
        let mut updates = upload.progress;
        let progress = TaskHandle::spawn(move |cancelled| async move {
            let Some(listener) = listener else { return };
            while let Some(update) = updates.next().await {
                if cancelled.is_set() {
                    return;
                }
                match update {
                    core::UploadProgress::Uploading { sent, total } => {
                        listener.on_progress(sent, total);
                    }
                    core::UploadProgress::Sent { event_id } => {
                        listener.on_sent(event_id.to_string());
                    }
                    core::UploadProgress::Failed { recoverable } => {
                        listener.on_failed(recoverable);
                    }
                }
            }
        });
        Ok(PhotoSending {
            transaction_id: upload.transaction_id,
            progress,
        })
    }
}

#[uniffi::export]
impl Timeline {
    /// Sanitises and queues a photo from the camera's bytes (JPEG, PNG or WebP; HEIC is
    /// converted by the app first). Nothing is uploaded unless the header records consent.
    pub async fn send_photo(
        &self,
        bytes: Vec<u8>,
        caption: Option<String>,
        listener: Option<Arc<dyn PhotoUploadListener>>,
    ) -> Result<PhotoSending, PhotoError> {
        self.send(core::PhotoSource::Bytes(bytes), caption, listener)
            .await
    }

    /// Same as `send_photo`, from a file in the app's private storage. Its name is never sent.
    pub async fn send_photo_file(
        &self,
        path: String,
        caption: Option<String>,
        listener: Option<Arc<dyn PhotoUploadListener>>,
    ) -> Result<PhotoSending, PhotoError> {
        self.send(
            core::PhotoSource::File(PathBuf::from(path)),
            caption,
            listener,
        )
        .await
    }

    /// The decrypted thumbnail or full image of a photo message, checked against its hash.
    pub async fn fetch_photo(
        &self,
        message: MessageRef,
        size: PhotoSize,
    ) -> Result<Vec<u8>, PhotoError> {
        let message = match message {
            MessageRef::Event { event_id } => core::MessageRef::Event(
                OwnedEventId::try_from(event_id).map_err(|_| PhotoError::MessageNotFound)?,
            ),
            MessageRef::Local { transaction_id } => core::MessageRef::Local(transaction_id),
        };
        let size = core::PhotoSize::from(size);
        let c = self.conversation.clone();
        Ok(run(async move { c.photo(&message, size).await }).await??)
    }
}
