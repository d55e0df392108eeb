//! Showing a photo: the thumbnail first, the full image on demand, both decrypted on this
//! device. The SDK checks the SHA-256 of the ciphertext before a byte is returned; a mismatch
//! is [`PhotoError::Tampered`]. Decrypted files are kept only in the SDK's media store, which
//! is in the account's encrypted store: nothing is written to a shared or temporary folder.

use matrix_sdk::{
    media::{MediaFormat, MediaRequestParameters},
    ruma::{
        events::room::{message::MessageType, MediaSource},
        OwnedEventId,
    },
};
use matrix_sdk_ui::timeline::EventTimelineItem;
use tracing::debug;

use super::PhotoError;
use crate::Conversation;

/// Which message: by event id, or by transaction id while it is only on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MessageRef {
    Event(OwnedEventId),
    Local(String),
}

/// The thumbnail (about 320 px) or the full image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PhotoSize {
    Thumbnail,
    Full,
}

impl Conversation {
    /// The decrypted JPEG (or PNG/WebP from another client) of a photo message. Without a
    /// thumbnail in the message, the full image is returned for `Thumbnail`.
    pub async fn photo(
        &self,
        message: &MessageRef,
        size: PhotoSize,
    ) -> Result<Vec<u8>, PhotoError> {
        let item = self
            .find_item(message)
            .await
            .ok_or(PhotoError::MessageNotFound)?;
        let (source, checked, declared) = match item.content().as_message().map(|m| m.msgtype()) {
            Some(MessageType::Image(image)) => {
                let info = image.info.as_deref();
                let thumbnail = info.and_then(|i| i.thumbnail_source.clone());
                let thumbnail_size = info
                    .and_then(|i| i.thumbnail_info.as_deref())
                    .and_then(|t| t.size)
                    .map(u64::from);
                let full_size = info.and_then(|i| i.size).map(u64::from);
                // What is fetched, and which limits apply to it.
                match (size, thumbnail) {
                    (PhotoSize::Thumbnail, Some(thumbnail)) => {
                        (thumbnail, PhotoSize::Thumbnail, thumbnail_size)
                    }
                    (_, _) => (image.source.clone(), PhotoSize::Full, full_size),
                }
            }
            // A document's thumbnail is a photo like any other; the file is not.
            Some(MessageType::File(file)) if size == PhotoSize::Thumbnail => {
                let info = file.info.as_deref();
                let thumbnail = info
                    .and_then(|i| i.thumbnail_source.clone())
                    .ok_or(PhotoError::NotAPhoto)?;
                let declared = info
                    .and_then(|i| i.thumbnail_info.as_deref())
                    .and_then(|t| t.size)
                    .map(u64::from);
                (thumbnail, PhotoSize::Thumbnail, declared)
            }
            _ => return Err(PhotoError::NotAPhoto),
        };
        super::received::check_declared(declared, checked)?;
        let bytes = self.download(message, source, true).await?;
        // Only this device's own queued photo skips the limits (it was sanitised here).
        if matches!(message, MessageRef::Event(_)) {
            super::received::check(&bytes, checked)?;
        } else if image::guess_format(&bytes).is_err() {
            return Err(PhotoError::UnsupportedFormat);
        }
        Ok(bytes)
    }

    /// Downloads and decrypts one file of a message; the SDK checks its hash first. A file the
    /// homeserver or a client sent in clear is refused: only this device's own queued file (a
    /// local echo) points at an unencrypted local copy. `cache`: kept in the SDK's encrypted
    /// media store for the next time (photos), or not (documents, kept only once cleaned).
    pub(crate) async fn download(
        &self,
        message: &MessageRef,
        source: MediaSource,
        cache: bool,
    ) -> Result<Vec<u8>, PhotoError> {
        if matches!(source, MediaSource::Plain(_)) && matches!(message, MessageRef::Event(_)) {
            return Err(PhotoError::NotEncrypted);
        }
        let request = MediaRequestParameters {
            source,
            format: MediaFormat::File,
        };
        self.case
            .room
            .client()
            .media()
            .get_media_content(&request, cache)
            .await
            .map_err(|e| {
                let error = PhotoError::from_sdk(&e);
                debug!(room_id = %self.case.room_id(), ?error, "file not fetched");
                error
            })
    }

    pub(crate) async fn find_item(&self, message: &MessageRef) -> Option<EventTimelineItem> {
        match message {
            MessageRef::Event(event_id) => self.timeline.item_by_event_id(event_id).await,
            MessageRef::Local(transaction_id) => self
                .timeline
                .items()
                .await
                .iter()
                .filter_map(|i| i.as_event())
                .find(|e| {
                    e.transaction_id()
                        .is_some_and(|t| t.as_str() == transaction_id)
                })
                .cloned(),
        }
    }
}
