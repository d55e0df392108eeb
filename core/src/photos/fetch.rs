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
        let Some(MessageType::Image(image)) =
            item.content().as_message().map(|m| m.msgtype().clone())
        else {
            return Err(PhotoError::NotAPhoto);
        };
        let info = image.info.as_deref();
        let thumbnail = info.and_then(|i| i.thumbnail_source.clone());
        let thumbnail_size = info
            .and_then(|i| i.thumbnail_info.as_deref())
            .and_then(|t| t.size)
            .map(u64::from);
        let full_size = info.and_then(|i| i.size).map(u64::from);
        // What is fetched, and which limits apply to it.
        let (source, checked, declared) = match (size, thumbnail) {
            (PhotoSize::Thumbnail, Some(thumbnail)) => {
                (thumbnail, PhotoSize::Thumbnail, thumbnail_size)
            }
            (_, _) => (image.source, PhotoSize::Full, full_size),
        };
        super::received::check_declared(declared, checked)?;
        // A photo sent by the homeserver or a client in clear is refused: only this device's
        // own queued photo (a local echo) points at an unencrypted local copy.
        if matches!(source, MediaSource::Plain(_)) && matches!(message, MessageRef::Event(_)) {
            return Err(PhotoError::NotEncrypted);
        }
        let request = MediaRequestParameters {
            source,
            format: MediaFormat::File,
        };
        let bytes = self
            .case
            .room
            .client()
            .media()
            .get_media_content(&request, true)
            .await
            .map_err(|e| {
                let error = PhotoError::from_sdk(&e);
                debug!(room_id = %self.case.room_id(), ?size, ?error, "photo not fetched");
                error
            })?;
        // Only this device's own queued photo skips the limits (it was sanitised here).
        if matches!(message, MessageRef::Event(_)) {
            super::received::check(&bytes, checked)?;
        } else if image::guess_format(&bytes).is_err() {
            return Err(PhotoError::UnsupportedFormat);
        }
        Ok(bytes)
    }

    async fn find_item(&self, message: &MessageRef) -> Option<EventTimelineItem> {
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
