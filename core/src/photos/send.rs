//! Sending a photo into a case: consent, sanitising, then the SDK's durable send queue, which
//! encrypts the image and its thumbnail (Matrix encrypted attachments), uploads both and sends
//! the event, in order with text, surviving going offline.

use std::{path::PathBuf, pin::Pin};

use futures_util::{stream, Stream, StreamExt};
use matrix_sdk::{
    ruma::OwnedEventId,
    send_queue::{RoomSendQueueError, RoomSendQueueUpdate},
};
use tokio::sync::broadcast::{error::RecvError, Receiver};
use tracing::info;

use super::{PhotoError, SanitizeOptions};
use crate::{Conversation, ConversationError};

/// The only file name ever sent: the name on the doctor's phone may carry the patient's name.
pub const SENT_FILE_NAME: &str = "photo.jpg";

/// Where the photo comes from: bytes from the camera, or a file in the app's private storage.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PhotoSource {
    Bytes(Vec<u8>),
    File(PathBuf),
}

/// How the upload of one photo goes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum UploadProgress {
    /// Bytes of the encrypted image and thumbnail uploaded so far.
    Uploading { sent: u64, total: u64 },
    /// The event is on the homeserver.
    Sent { event_id: OwnedEventId },
    /// Sending stopped; `recoverable` failures are retried when the network returns.
    Failed { recoverable: bool },
}

/// Progress of one upload; it ends once the photo is sent.
pub type UploadUpdates = Pin<Box<dyn Stream<Item = UploadProgress> + Send>>;

/// A photo queued on this device.
pub struct PhotoUpload {
    /// The transaction id of the message (its local echo carries the same one).
    pub transaction_id: String,
    pub progress: UploadUpdates,
}

impl std::fmt::Debug for PhotoUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhotoUpload")
            .field("transaction_id", &self.transaction_id)
            .finish_non_exhaustive()
    }
}

impl Conversation {
    /// Sanitises the photo and queues it with its thumbnail and an optional markdown caption.
    ///
    /// Refused, with nothing uploaded, unless the case is joined and encrypted, its header
    /// records the patient's consent, and the photo passes [`sanitize`](super::sanitize).
    /// Returns once the photo is durably queued on this device.
    pub async fn send_photo(
        &self,
        source: PhotoSource,
        caption: Option<&str>,
        options: &SanitizeOptions,
    ) -> Result<PhotoUpload, PhotoError> {
        self.ensure_attachable().await?;
        let photo = crate::documents::prepare_photo(source, caption, options).await?;
        let mut uploads = self.send_files(vec![photo]).await?;
        uploads
            .pop()
            .ok_or_else(|| PhotoError::Failed("nothing queued".into()))
    }

    /// Queues prepared photos and documents, in this order, each with its thumbnail and
    /// caption, through the durable send queue (offline included); returns once all are queued.
    ///
    /// Refused, with nothing uploaded, unless the case is joined and encrypted and its header
    /// records the patient's consent to photos and documents.
    pub async fn send_files(
        &self,
        files: Vec<crate::documents::PreparedFile>,
    ) -> Result<Vec<PhotoUpload>, PhotoError> {
        if files.is_empty() {
            return Ok(Vec::new());
        }
        self.ensure_attachable().await?;
        self.queue_files(files).await
    }

    /// Queues files into a case already checked by [`Self::ensure_attachable`].
    async fn queue_files(
        &self,
        files: Vec<crate::documents::PreparedFile>,
    ) -> Result<Vec<PhotoUpload>, PhotoError> {
        let queue = self.case.room.send_queue();
        self.case
            .room
            .client()
            .send_queue()
            .enable_upload_progress(true);
        let mut uploads = Vec::with_capacity(files.len());
        for file in files {
            let (name, content_type, data, config, transaction_id) = file.into_parts();
            // Subscribed before queuing, so no update of this file is missed.
            let (_, updates) = queue.subscribe().await.map_err(queue_error)?;
            queue
                .send_attachment(name, content_type, data, config)
                .await
                .map_err(queue_error)?;
            let transaction_id = transaction_id.to_string();
            info!(room_id = %self.case.room_id(), %transaction_id, "file queued");
            uploads.push(PhotoUpload {
                progress: progress_of(transaction_id.clone(), updates),
                transaction_id,
            });
        }
        Ok(uploads)
    }

    /// The case accepts attachments: joined, encrypted, writable, and consent recorded.
    async fn ensure_attachable(&self) -> Result<(), PhotoError> {
        self.ensure_sendable().await.map_err(|e| match e {
            ConversationError::NotJoined => PhotoError::NotJoined,
            ConversationError::NotEncrypted => PhotoError::NotEncrypted,
            ConversationError::HomeserverUnreachable => PhotoError::HomeserverUnreachable,
            ConversationError::NotHandedOver => PhotoError::NotHandedOver,
            ConversationError::UninvitedMember => PhotoError::UninvitedMember,
            ConversationError::UnconfirmedMember => PhotoError::UnconfirmedMember,
            other => PhotoError::Failed(other.to_string()),
        })?;
        if !self.case.photo_consent().await? {
            return Err(PhotoError::NoConsent);
        }
        Ok(())
    }
}

fn queue_error(e: RoomSendQueueError) -> PhotoError {
    match e {
        RoomSendQueueError::RoomNotJoined => PhotoError::NotJoined,
        other => PhotoError::Failed(other.to_string()),
    }
}

/// The send queue's updates about one transaction, as upload progress; ends once it is sent.
fn progress_of(transaction_id: String, updates: Receiver<RoomSendQueueUpdate>) -> UploadUpdates {
    stream::unfold(Some(updates), move |updates| {
        let transaction_id = transaction_id.clone();
        async move {
            let mut updates = updates?;
            loop {
                let update = match updates.recv().await {
                    Ok(update) => update,
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                };
                let progress = match update {
                    RoomSendQueueUpdate::MediaUpload {
                        related_to,
                        progress,
                        ..
                    } if related_to.as_str() == transaction_id => UploadProgress::Uploading {
                        sent: progress.current as u64,
                        total: progress.total as u64,
                    },
                    RoomSendQueueUpdate::SentEvent {
                        transaction_id: sent,
                        event_id,
                    } if sent.as_str() == transaction_id => {
                        return Some((UploadProgress::Sent { event_id }, None));
                    }
                    RoomSendQueueUpdate::SendError {
                        transaction_id: failed,
                        is_recoverable,
                        ..
                    } if failed.as_str() == transaction_id => UploadProgress::Failed {
                        recoverable: is_recoverable,
                    },
                    _ => continue,
                };
                return Some((progress, Some(updates)));
            }
        }
    })
    .boxed()
}
